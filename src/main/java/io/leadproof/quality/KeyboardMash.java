package io.leadproof.quality;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether one word (a name part) looks like keys hit at random rather than a name. The heuristic, per word of
 * Latin or Cyrillic letters, lower-cased and without accents:
 * <ol>
 * <li>the same letter three times in a row ("aaa", "xxxx");</li>
 * <li>a run along a keyboard row (QWERTY, QWERTZ, AZERTY, ЙЦУКЕН) or the alphabet of five keys or more ("qwert",
 *     "asdfg"), or of four keys that make the whole word ("asdf", "hjkl"); backwards only from five ("poiuy"), as
 *     real names run backwards over four keys ("Trew");</li>
 * <li>two or more runs of three keys or more that make up at least 3/4 of a word of six letters or more
 *     ("asdjkl", "dfgdfg");</li>
 * <li>a unit of two or three letters repeated at least three times ("asasas", "jkjkjk"; "Lulu" and "Mimi" pass);</li>
 * <li>five Latin letters or more without a vowel, counting y and w as vowels ("sdfgh", "xkcdr"; "Vlk", "Ng",
 *     "Llwyd", "Bjørn" pass).</li>
 * </ol>
 * Words in other scripts (Han, Hangul, Arabic, Devanagari…) are never called mash: this heuristic knows nothing of
 * them. Known blind spot: random letters that follow no row and contain vowels ("jfkdlsa") pass.
 */
final class KeyboardMash {

    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm",
            "azertyuiop", "qsdfghjklm", "wxcvbn", "abcdefghijklmnopqrstuvwxyz",
            "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"};
    /** After accents are stripped; ø, æ, œ, ı and ə do not decompose. */
    private static final String VOWELS = "aeiouywøæœıə";
    private static final Pattern REPEATED_UNIT = Pattern.compile("(\\p{L}{2,3})\\1{2,}\\p{L}{0,2}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<Integer> FORWARD = new HashSet<>();
    private static final Set<Integer> BACKWARD = new HashSet<>();

    static {
        for (String row : ROWS) {
            for (int i = 0; i + 1 < row.length(); i++) {
                FORWARD.add(pair(row.charAt(i), row.charAt(i + 1)));
                BACKWARD.add(pair(row.charAt(i + 1), row.charAt(i)));
            }
        }
    }

    private KeyboardMash() {
    }

    /** The reason the word is mash, or null when it may be a name. */
    static String reason(String word) {
        String w = plain(word);
        if (w.isEmpty() || !w.chars().allMatch(c -> isLatin(c) || isCyrillic(c))) {
            return null;
        }
        for (int i = 2; i < w.length(); i++) {
            if (w.charAt(i) == w.charAt(i - 1) && w.charAt(i) == w.charAt(i - 2)) {
                return "the same letter three times";
            }
        }
        if (w.length() >= 6 && REPEATED_UNIT.matcher(w).matches()) {
            return "a repeated pattern of keys";
        }
        int[] forward = runs(w, FORWARD);
        int longestForward = 0;
        int runsOfThree = 0;
        int charsInRuns = 0;
        for (int run : forward) {
            longestForward = Math.max(longestForward, run);
            if (run >= 3) {
                runsOfThree++;
                charsInRuns += run;
            }
        }
        int longestBackward = 0;
        for (int run : runs(w, BACKWARD)) {
            longestBackward = Math.max(longestBackward, run);
        }
        if (longestForward >= 5 || longestForward >= 4 && longestForward == w.length() || longestBackward >= 5) {
            return "keys in a row of the keyboard";
        }
        if (w.length() >= 6 && runsOfThree >= 2 && charsInRuns * 4 >= w.length() * 3) {
            return "runs of neighbouring keys";
        }
        if (w.length() >= 5 && w.chars().allMatch(KeyboardMash::isLatin) && w.chars().noneMatch(c -> VOWELS.indexOf(c) >= 0)) {
            return "no vowel";
        }
        return null;
    }

    /** Lower case without accents; ASCII words (most of them) skip the Unicode normalisation. */
    private static String plain(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** Lengths (in keys) of the maximal runs of neighbouring keys in the word; a lone key is a run of 1. */
    private static int[] runs(String w, Set<Integer> neighbours) {
        int[] lengths = new int[w.length()];
        int count = 0;
        int run = 1;
        for (int i = 1; i < w.length(); i++) {
            if (neighbours.contains(pair(w.charAt(i - 1), w.charAt(i)))) {
                run++;
            } else {
                lengths[count++] = run;
                run = 1;
            }
        }
        lengths[count++] = run;
        return java.util.Arrays.copyOf(lengths, count);
    }

    private static int pair(char a, char b) {
        return a << 16 | b;
    }

    private static boolean isLatin(int c) {
        return c >= 'a' && c <= 'z' || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN && Character.isLetter(c);
    }

    private static boolean isCyrillic(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC && Character.isLetter(c);
    }
}
