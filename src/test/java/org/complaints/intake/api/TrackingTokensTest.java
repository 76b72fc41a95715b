package org.complaints.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The complainant's tracking token of an API request: the header, else the query parameter, else none; only a
 * String argument marked {@link TrackingToken} is resolved.
 */
class TrackingTokensTest {

    private final TrackingTokens tokens = new TrackingTokens();

    @SuppressWarnings("unused")
    void handler(@TrackingToken String token, String other, @TrackingToken Integer wrongType) {}

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        Method method =
                TrackingTokensTest.class.getDeclaredMethod("handler", String.class, String.class, Integer.class);
        return new MethodParameter(method, index);
    }

    private String resolve(MockHttpServletRequest request) throws Exception {
        return tokens.resolveArgument(parameter(0), null, new ServletWebRequest(request), null);
    }

    @Test
    void theHeaderWinsOverTheQueryParameter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Tracking-Token", "from-header");
        request.addParameter("token", "from-query");
        assertThat(resolve(request)).isEqualTo("from-header");
    }

    @Test
    void theQueryParameterServesAClientThatCannotSetHeaders() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("token", "from-query");
        assertThat(resolve(request)).isEqualTo("from-query");
    }

    @Test
    void aRequestWithNeitherHasNoToken() throws Exception {
        assertThat(resolve(new MockHttpServletRequest())).isNull();
    }

    @Test
    void onlyMarkedStringArgumentsAreResolved() throws Exception {
        assertThat(tokens.supportsParameter(parameter(0))).isTrue();
        assertThat(tokens.supportsParameter(parameter(1))).isFalse();
        assertThat(tokens.supportsParameter(parameter(2))).isFalse();
    }
}
