package io.commentharvester.harvest;

import java.io.IOException;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * One value of an answer, read from the parser without building a tree, with the readings the harvest makes of
 * it: as text, as a long, as an int, as a boolean, each with the same lenience as Jackson's {@code JsonNode}
 * ({@code asText}, {@code asLong}, {@code canConvertToLong}, ...), so that odd shapes read as they always did.
 * An object or an array is skipped and remembered only as such.
 */
final class JsonScalar {

    enum Kind {
        MISSING,
        NULL,
        INT,
        BIG_INT,
        FLOAT,
        TEXT,
        BOOLEAN,
        OBJECT,
        ARRAY
    }

    static final JsonScalar MISSING = new JsonScalar(Kind.MISSING, null, 0, 0);
    static final JsonScalar NULL = new JsonScalar(Kind.NULL, "null", 0, 0);
    static final JsonScalar TRUE = new JsonScalar(Kind.BOOLEAN, "true", 1, 1);
    static final JsonScalar FALSE = new JsonScalar(Kind.BOOLEAN, "false", 0, 0);
    private static final JsonScalar OBJECT = new JsonScalar(Kind.OBJECT, "", 0, 0);
    private static final JsonScalar ARRAY = new JsonScalar(Kind.ARRAY, "", 0, 0);

    private static final double LONG_MIN = Long.MIN_VALUE;
    private static final double LONG_MAX = Long.MAX_VALUE;

    final Kind kind;
    private final String text;
    private final long longValue;
    private final double doubleValue;

    private JsonScalar(Kind kind, String text, long longValue, double doubleValue) {
        this.kind = kind;
        this.text = text;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
    }

    /** The value at the parser's current token; an object or array is skipped (the parser ends on its close). */
    static JsonScalar read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return MISSING;
        }
        switch (token) {
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    BigInteger value = parser.getBigIntegerValue();
                    return new JsonScalar(Kind.BIG_INT, value.toString(), value.longValue(), value.doubleValue());
                }
                long value = parser.getLongValue();
                return new JsonScalar(Kind.INT, null, value, value);
            }
            case VALUE_NUMBER_FLOAT -> {
                double value = parser.getDoubleValue();
                return new JsonScalar(Kind.FLOAT, null, (long) value, value);
            }
            case VALUE_STRING -> {
                return new JsonScalar(Kind.TEXT, parser.getText(), 0, 0);
            }
            case VALUE_TRUE -> {
                return TRUE;
            }
            case VALUE_FALSE -> {
                return FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            case START_OBJECT -> {
                parser.skipChildren();
                return OBJECT;
            }
            case START_ARRAY -> {
                parser.skipChildren();
                return ARRAY;
            }
            default -> throw new IllegalStateException("not at a value: " + token);
        }
    }

    boolean isMissingOrNull() {
        return kind == Kind.MISSING || kind == Kind.NULL;
    }

    boolean isTextual() {
        return kind == Kind.TEXT;
    }

    boolean isIntegral() {
        return kind == Kind.INT || kind == Kind.BIG_INT;
    }

    boolean isObject() {
        return kind == Kind.OBJECT;
    }

    /** {@code JsonNode.canConvertToLong}: a number within the range of a long. */
    boolean canConvertToLong() {
        return switch (kind) {
            case INT -> true;
            case FLOAT -> doubleValue >= LONG_MIN && doubleValue <= LONG_MAX;
            default -> false;
        };
    }

    /** {@code JsonNode.canConvertToInt}: a number within the range of an int. */
    boolean canConvertToInt() {
        return switch (kind) {
            case INT -> longValue >= Integer.MIN_VALUE && longValue <= Integer.MAX_VALUE;
            case FLOAT -> doubleValue >= Integer.MIN_VALUE && doubleValue <= Integer.MAX_VALUE;
            default -> false;
        };
    }

    /** The value of a number ({@code JsonNode.longValue}), 0 for anything else. */
    long longValue() {
        return isIntegral() || kind == Kind.FLOAT ? longValue : 0;
    }

    /** {@code JsonNode.asLong(fallback)}: a number's value, a string's digits, 1 or 0 for a boolean. */
    long asLong(long fallback) {
        return switch (kind) {
            case INT, BIG_INT, FLOAT, BOOLEAN -> longValue;
            case TEXT -> NumberInput.parseAsLong(text, fallback);
            default -> fallback;
        };
    }

    /** {@code JsonNode.asInt(fallback)}. */
    int asInt(int fallback) {
        return switch (kind) {
            case INT, BIG_INT, BOOLEAN -> (int) longValue;
            case FLOAT -> (int) doubleValue;
            case TEXT -> NumberInput.parseAsInt(text, fallback);
            default -> fallback;
        };
    }

    /** {@code JsonNode.asBoolean(fallback)}: a boolean, a non-zero integer, the text true or false. */
    boolean asBoolean(boolean fallback) {
        return switch (kind) {
            case BOOLEAN -> longValue != 0;
            case INT, BIG_INT -> longValue != 0 || kind == Kind.BIG_INT;
            case TEXT -> "true".equals(text.trim()) || !"false".equals(text.trim()) && fallback;
            default -> fallback;
        };
    }

    /** {@code JsonNode.asText(fallback)}: the fallback for a missing value or null, "" for an object or array. */
    String asText(String fallback) {
        return switch (kind) {
            case MISSING, NULL -> fallback;
            case INT -> Long.toString(longValue);
            case FLOAT -> NumberOutput.toString(doubleValue);
            default -> text;
        };
    }

    /** The text of a string value, else null. */
    String textValue() {
        return kind == Kind.TEXT ? text : null;
    }
}
