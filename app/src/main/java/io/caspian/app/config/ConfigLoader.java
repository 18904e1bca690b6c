package io.caspian.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads the YAML configuration into {@link CaspianConfig}; unknown keys are errors. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {
    }

    public static CaspianConfig load(Path file) throws ConfigException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(source, "", "no such file");
        }
        try {
            return parse(Files.readString(file), source);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read: " + e.getMessage());
        }
    }

    public static CaspianConfig parse(String yaml, String source) throws ConfigException {
        try {
            CaspianConfig c = YAML.readValue(yaml, CaspianConfig.class);
            if (c == null) {
                throw new ConfigException(source, "", "the file is empty");
            }
            return c;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source, path(e), "unknown key");
        } catch (InvalidFormatException e) {
            throw new ConfigException(source, path(e), "'" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName());
        } catch (JsonMappingException e) {
            throw new ConfigException(source, path(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "", "not valid YAML: "
                    + firstLine(e.getOriginalMessage()) + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
