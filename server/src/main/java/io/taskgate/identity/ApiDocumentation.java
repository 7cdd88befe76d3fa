package io.taskgate.identity;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document must not list the {@link Caller} handler argument as a query parameter:
 * it comes from the {@code Authorization} header, and generated clients would otherwise demand it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Caller.User.class, Caller.ApiClient.class);
    }
}
