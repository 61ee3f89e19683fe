package io.leadproof.guard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;

/**
 * The one rule for text in every input, applied at the API's edge so no resolver can forget it:
 *
 * <ul>
 * <li><b>Refused</b>: invisible formatting characters (Unicode category Cf) — bidirectional controls such as U+202E
 * RIGHT-TO-LEFT OVERRIDE, which make {@code Evil‮gpj.exe} display as {@code Evilexe.jpg}, zero-width spaces and
 * joiners used to make different names look alike (U+200B, U+2060, U+FEFF), soft hyphens, LRM/RLM marks — and unpaired
 * surrogates. Refusing rather than stripping: a silently changed name is worse than a clear error. Allowed are the
 * Cf characters real text needs: U+200C/U+200D (zero-width non-joiner and joiner: Persian and Indic scripts, emoji
 * sequences such as 👩🏽‍💻) and the emoji tag characters U+E0020–U+E007F (subdivision flags).</li>
 * <li><b>Normalised</b>: everything else is put into Unicode NFC, so "é" typed as e + U+0301 and as U+00E9 are the same
 * text (equal, unique and searchable as one).</li>
 * </ul>
 * Control characters (Cc) are checked per stored field ({@code InputProblems.text}), where newlines may be allowed.
 */
final class InputText {

    static final String INVALID_CHARACTERS = "INVALID_CHARACTERS";
    static final String MESSAGE = "must not contain invisible formatting characters (bidirectional controls such as U+202E, "
            + "zero-width spaces such as U+200B) or unpaired surrogates";

    private InputText() {
    }

    /** True when the text contains a refused character. */
    static boolean refused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = text.codePointAt(i);
                    i++;
                    if (Character.getType(cp) == Character.FORMAT && !(cp >= 0xE0020 && cp <= 0xE007F)) {
                        return true;
                    }
                    continue;
                }
                return true;
            }
            if (Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D') {
                return true;
            }
        }
        return false;
    }

    static String nfc(String text) {
        return isAscii(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The variables with every string (at any depth) in NFC; the same map when nothing changes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> nfc(Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) {
            return variables;
        }
        Object normalised = nfcValue(variables, 0);
        return normalised == variables ? variables : (Map<String, Object>) normalised;
    }

    private static Object nfcValue(Object value, int depth) {
        if (depth > 64) {
            return value; // deeper than any input type: graphql-java refuses it anyway
        }
        return switch (value) {
            case String s -> nfc(s);
            case Map<?, ?> map -> {
                Map<String, Object> copy = null;
                for (var entry : map.entrySet()) {
                    Object v = entry.getValue();
                    Object n = nfcValue(v, depth + 1);
                    if (n != v && copy == null) {
                        copy = new LinkedHashMap<>();
                        for (var e : map.entrySet()) {
                            copy.put(String.valueOf(e.getKey()), e.getValue());
                        }
                    }
                    if (copy != null) {
                        copy.put(String.valueOf(entry.getKey()), n);
                    }
                }
                yield copy == null ? map : copy;
            }
            case List<?> list -> {
                List<Object> copy = null;
                for (int i = 0; i < list.size(); i++) {
                    Object v = list.get(i);
                    Object n = nfcValue(v, depth + 1);
                    if (n != v && copy == null) {
                        copy = new ArrayList<>(list);
                    }
                    if (copy != null) {
                        copy.set(i, n);
                    }
                }
                yield copy == null ? list : copy;
            }
            case null, default -> value;
        };
    }

    /** The document with every string literal in NFC; the same document when it has none to change. */
    static Document nfc(Document document, String source) {
        if (source == null || isAscii(source) && source.indexOf('\\') < 0) {
            return document; // neither non-ASCII text nor an escape that could spell some
        }
        return (Document) new AstTransformer().transform(document, new NodeVisitorStub() {
            @Override
            public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
                String normalised = nfc(node.getValue());
                if (normalised.equals(node.getValue())) {
                    return TraversalControl.CONTINUE;
                }
                return TreeTransformerUtil.changeNode(context, node.transform(b -> b.value(normalised)));
            }
        });
    }
}
