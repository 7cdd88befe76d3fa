package io.taskgate.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * PRODUCT.md answers a wrong JSON type with 400: {@code "title": 5} must not quietly become
 * the string "5", nor {@code "active": "yes"} a boolean, so scalar coercions are refused; so
 * is a key given twice in one object. Text that cannot be stored as sent (NUL, an unpaired surrogate) is refused on reading ({@link UnstorableText}).
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {

    @Bean
    JsonMapperBuilderCustomizer refuseScalarCoercion() {
        // A key given twice is ambiguous (which one did the client mean?): refused, not last-wins.
        return builder -> builder
                .addModule(new SimpleModule("refuse-unstorable-text")
                        .addDeserializer(String.class, new UnstorableText.RefusingDeserializer()))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Collection, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
