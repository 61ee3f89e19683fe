package io.leadproof.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL example of the documentation: a ```graphql block that starts with "# as <login>" and may name where its
 * variables come from ("# $name: <source>"). README.md says how to read them.
 */
record DocExample(String file, int number, String login, Map<String, String> sources, String document) {

    private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern AS = Pattern.compile("#\\s*as\\s+(\\S+)\\s*");
    private static final Pattern VARIABLE = Pattern.compile("#\\s*\\$(\\w+):\\s*(.+?)\\s*");

    /** The examples of a file, in order; a graphql block without "# as" is a signature, not an example. */
    static List<DocExample> in(Path file) throws IOException {
        var examples = new ArrayList<DocExample>();
        Matcher block = BLOCK.matcher(Files.readString(file));
        int number = 0;
        while (block.find()) {
            number++;
            String login = null;
            Map<String, String> sources = new LinkedHashMap<>();
            var body = new StringBuilder();
            for (String line : block.group(1).split("\n")) {
                Matcher as = AS.matcher(line);
                Matcher variable = VARIABLE.matcher(line);
                if (as.matches()) {
                    login = as.group(1);
                } else if (variable.matches()) {
                    sources.put(variable.group(1), variable.group(2));
                } else {
                    body.append(line).append('\n');
                }
            }
            if (login != null) {
                examples.add(new DocExample(file.toString(), number, login, sources, body.toString().strip()));
            }
        }
        return examples;
    }

    boolean isSubscription() {
        return document.startsWith("subscription");
    }

    @Override
    public String toString() {
        return file + ", graphql block " + number + " (as " + login + ")";
    }
}
