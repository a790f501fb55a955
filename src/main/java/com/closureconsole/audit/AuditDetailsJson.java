package com.closureconsole.audit;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.core.JsonGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The details of an entry as JSON text: written once, masked, in the publisher's order, with
 * exact decimals and ISO-8601 times; this text is what the hash covers. A mapper of its own keeps
 * the text stable whatever the rest of the application configures.
 */
final class AuditDetailsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 12.50 CNY stays 12.50: figures are evidence, their scale included.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> ORDERED_MAP = new TypeReference<>() {
    };

    private static final String EMPTY = "{}";

    private AuditDetailsJson() {
    }

    /** The details as the trail stores them: personal data masked, order kept. */
    static String write(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            // Most entries (a view, a search by id) have none: the same text, without building a tree to mask.
            return EMPTY;
        }
        JsonNode tree = MAPPER.valueToTree(details);
        try {
            return MAPPER.writeValueAsString(mask(null, tree));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON", e);
        }
    }

    /** Reads stored details back, in their stored order, decimals exact. */
    static Map<String, Object> read(String json) {
        try {
            return MAPPER.readValue(json, ORDERED_MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored audit details are not JSON", e);
        }
    }

    /** Builds an object's JSON text (for the export's filter description). */
    static String describe(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot describe " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static JsonNode mask(@Nullable String key, JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(mask(field.getKey(), field.getValue()));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(key, array.get(i)));
            }
            return array;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(AuditMasking.detail(key, node.textValue()));
        }
        return node;
    }
}
