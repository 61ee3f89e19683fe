package io.leadproof.imports;

/** A standard field an import column can fill: named as in the GraphQL input it stands for. */
public interface ImportField {

    /** Field name as in the API input, e.g. {@code companyDomain}; what a mapping's {@code field} holds. */
    String apiName();

    ValueKind kind();

    /** The closed set of an {@link ValueKind#ENUM} field, else null. */
    Class<? extends Enum<?>> enumType();

    /** Whether a row without a value is rejected ({@code REQUIRED}); the API marks these non-null. */
    boolean required();

    int ordinal();
}
