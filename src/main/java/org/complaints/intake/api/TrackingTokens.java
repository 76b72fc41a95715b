package org.complaints.intake.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link TrackingToken} arguments (the header first, then the query parameter) and describes the two ways
 * on every operation that takes one, so the controller declares the token once per operation and the description
 * still names both.
 */
@Component
class TrackingTokens implements HandlerMethodArgumentResolver, WebMvcConfigurer, OperationCustomizer {

    static final String HEADER = "X-Tracking-Token";
    static final String QUERY = "token";

    static {
        // the argument is this resolver's, not a query parameter named after the Java parameter
        SpringDocUtils.getConfig().addAnnotationsToIgnore(TrackingToken.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(TrackingToken.class)
                && String.class.equals(parameter.getParameterType());
    }

    @Override
    public String resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        String header = request.getHeader(HEADER);
        return header != null ? header : request.getParameter(QUERY);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean takesToken = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(TrackingToken.class));
        if (takesToken) {
            operation.addParametersItem(new Parameter()
                    .in("header")
                    .name(HEADER)
                    .required(false)
                    .description("The tracking token (or ?" + QUERY + "=)")
                    .schema(new StringSchema()));
            operation.addParametersItem(new Parameter()
                    .in("query")
                    .name(QUERY)
                    .required(false)
                    .description("The tracking token (or the " + HEADER + " header)")
                    .schema(new StringSchema()));
        }
        return operation;
    }
}
