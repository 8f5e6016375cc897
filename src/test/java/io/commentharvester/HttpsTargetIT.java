package io.commentharvester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.commentharvester.polite.RequestDeadline;
import io.commentharvester.sandbox.SandboxSettings;
import io.commentharvester.support.HarvestTestSupport;
import io.commentharvester.support.TestRedis;
import io.commentharvester.support.TestSandbox;

/**
 * The real site is an https:// target, which Camel resolves through a component named "https": the http settings
 * (timeouts, request deadline, no cookie jar) must reach it as they reach the sandbox's http:// target. Nothing is
 * sent: the endpoints are only made, as the route's toD makes them.
 */
class HttpsTargetIT extends HarvestTestSupport {

    @RegisterExtension
    static final TestSandbox SANDBOX = new TestSandbox(SandboxSettings.defaults());

    @RegisterExtension
    static final TestRedis REDIS = TestRedis.create();

    @Override
    protected void settings(Properties properties) {
        properties.put("harvest.run-at-start", "false");
        properties.put("http.connect-timeout-ms", "4321");
        properties.put("http.response-timeout-ms", "8765");
    }

    @Test
    void anHttpsTargetGetsTheSameHttpSettingsAsAnHttpOne() {
        for (String url : new String[] {
            "https://music.163.com/weapi/comment/resource/comments/get",
            sandbox().baseUrl() + "/weapi/x"
        }) {
            HttpEndpoint endpoint = context.getEndpoint(url, HttpEndpoint.class);
            assertThat(endpoint.getConnectTimeout()).as(url).isEqualTo(4321);
            assertThat(endpoint.getResponseTimeout()).as(url).isEqualTo(8765);
            assertThat(endpoint.getHttpClientConfigurer()).as(url).isInstanceOf(RequestDeadline.class);
            HttpComponent component = endpoint.getComponent();
            assertThat(component.isCookieManagementDisabled()).as(url).isTrue();
            assertThat(component.isAutomaticRetriesDisabled()).as(url).isTrue();
        }
    }
}
