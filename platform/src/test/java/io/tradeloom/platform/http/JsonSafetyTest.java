package io.tradeloom.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one JSON mapper never instantiates classes named by the input. */
class JsonSafetyTest {

    @Test
    void theMapperHasNoDefaultTyping() {
        var config = Json.MAPPER.getDeserializationConfig();

        assertThat(config.getDefaultTyper(Json.MAPPER.constructType(Object.class))).isNull();
        assertThat(Json.MAPPER.getSerializationConfig().getDefaultTyper(Json.MAPPER.constructType(Object.class))).isNull();
    }

    @Test
    void typeHintsInTheInputAreReadAsPlainData() throws Exception {
        Object value = Json.parse("{\"@class\":\"java.io.File\",\"path\":\"/etc/passwd\"}".getBytes(), Object.class);
        Object array = Json.parse("[\"java.lang.ProcessBuilder\",{\"command\":[\"id\"]}]".getBytes(), Object.class);

        assertThat(value).isInstanceOf(Map.class);
        assertThat(array).isInstanceOf(java.util.List.class);
    }
}
