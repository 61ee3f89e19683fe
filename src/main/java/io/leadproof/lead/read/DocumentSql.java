package io.leadproof.lead.read;

import java.util.List;
import java.util.Set;

import graphql.language.Field;

/**
 * A list the API renders from a stored document (R__api_read_documents.sql: a JSON array of objects whose keys are the
 * element type's fields in {@code keys} order). A selection of exactly those fields, in that order and without aliases,
 * is the document itself — emitted as stored, no per-element work; any other selection of them picks each field's
 * value from the document's elements ({@code ->} on json copies the value's text as it is).
 */
public final class DocumentSql {

    private DocumentSql() {
    }

    /** The list of {@code type} the selection {@code fields} asks for, from {@code document} (SQL of a json array). */
    public static String list(List<Field> fields, String type, String document, List<String> keys, Set<String> plain) {
        if (fields.stream().map(Selections::key).toList().equals(keys) && fields.stream().map(Field::getName).toList().equals(keys)
                && fields.stream().allMatch(f -> f.getArguments().isEmpty() && f.getSelectionSet() == null)) {
            fields.forEach(f -> plain.add(type + "." + f.getName()));
            return document;
        }
        String element = JsonSql.object(fields, type, f -> {
            if (!keys.contains(f.getName()) || f.getSelectionSet() != null || !f.getArguments().isEmpty()) {
                throw new AstValues.Unsupported(type + "." + f.getName());
            }
            plain.add(type + "." + f.getName());
            return "x.e->'" + f.getName() + "'";
        });
        return "coalesce((select json_agg(" + element + " order by x.n) from json_array_elements(" + document
                + ") with ordinality x(e, n)), '[]'::json)";
    }
}
