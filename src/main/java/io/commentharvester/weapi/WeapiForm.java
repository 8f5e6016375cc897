package io.commentharvester.weapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The two form fields of a weapi request. */
public record WeapiForm(String params, String encSecKey) {

    /** The {@code application/x-www-form-urlencoded} body: {@code params=...&encSecKey=...}. */
    public String toFormBody() {
        return "params=" + URLEncoder.encode(params, StandardCharsets.UTF_8) + "&encSecKey="
                + URLEncoder.encode(encSecKey, StandardCharsets.UTF_8);
    }
}
