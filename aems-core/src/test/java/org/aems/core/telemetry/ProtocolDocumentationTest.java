package org.aems.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aems.core.echonet.EchonetMessageCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in docs/protocol.md decodes exactly as the page says: the page cannot drift from the code. */
class ProtocolDocumentationTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example (.*?) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);

    record Example(Map<String, String> attributes, String json) {
        @Override
        public String toString() {
            return attributes.get("schema") + " " + attributes.get("expect") + " " + attributes.getOrDefault("reasons", "");
        }
    }

    static Stream<Example> examples() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "protocol.md"), StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(page);
        while (m.find()) {
            Map<String, String> attributes = new HashMap<>();
            for (String pair : m.group(1).trim().split("\\s+")) {
                String[] kv = pair.split("=", 2);
                attributes.put(kv[0], kv[1]);
            }
            examples.add(new Example(attributes, m.group(2)));
        }
        assertThat(examples).as("examples in docs/protocol.md").hasSizeGreaterThanOrEqualTo(8);
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleBehavesAsDocumented(Example example) {
        byte[] payload = example.json().getBytes(StandardCharsets.UTF_8);
        String topic = example.attributes().get("topic");
        switch (example.attributes().get("schema")) {
            case "telemetry" -> checkDecoded(example, new TelemetryCodec().decode(Topics.siteOf(topic).orElseThrow(), payload));
            case "echonet" -> {
                assertThat(topic).isEqualTo(Topics.echonet(Topics.siteOf(topic).orElseThrow()));
                checkDecoded(example, new EchonetMessageCodec().decode(Topics.siteOf(topic).orElseThrow(), payload,
                        Optional.empty()).result());
            }
            case "status" -> assertThat(new ControlCodec().decodeStatus(payload).siteId()).isEqualTo(Topics.siteOf(topic).orElseThrow());
            case "command" -> assertThat(new ControlCodec().decodeCommand(payload).siteId()).isEqualTo(Topics.siteOf(topic).orElseThrow());
            case "command-ack" -> assertThat(new ControlCodec().decodeAck(payload).siteId()).isEqualTo(Topics.siteOf(topic).orElseThrow());
            default -> throw new AssertionError("unknown schema in example: " + example.attributes());
        }
    }

    private static void checkDecoded(Example example, DecodeResult result) {
        List<String> reasons = example.attributes().containsKey("reasons")
                ? Arrays.asList(example.attributes().get("reasons").split(",")) : List.of();
        if ("refused".equals(example.attributes().get("expect"))) {
            assertThat(result).isInstanceOf(DecodeResult.Refused.class);
            assertThat(((DecodeResult.Refused) result).rejection().reason().name()).isEqualTo(reasons.get(0));
            return;
        }
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
        assertThat(decoded.message().readings()).hasSize(Integer.parseInt(example.attributes().get("readings")));
        assertThat(decoded.rejectedReadings()).hasSize(Integer.parseInt(example.attributes().get("rejected")));
        assertThat(decoded.rejectedReadings()).extracting(r -> r.reason().name()).containsExactlyElementsOf(reasons);
    }
}
