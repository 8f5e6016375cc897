package io.commentharvester.weapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The two form fields of a weapi request. */
public record WeapiForm(String params, String encSecKey) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The {@code application/x-www-form-urlencoded} body: {@code params=...&encSecKey=...}. */
    public String toFormBody() {
        StringBuilder body = new StringBuilder(params.length() + params.length() / 8 + encSecKey.length() + 20);
        body.append("params=");
        formEncode(params, body);
        body.append("&encSecKey=");
        formEncode(encSecKey, body);
        return body.toString();
    }

    /**
     * Appends the text form-encoded as {@link URLEncoder#encode(String, java.nio.charset.Charset)} with UTF-8 does,
     * in one pass for ASCII text (base64 and hex, what a weapi form holds); other text goes through URLEncoder.
     */
    static void formEncode(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                out.append(URLEncoder.encode(text, StandardCharsets.UTF_8));
                return;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '-'
                    || c == '*'
                    || c == '_') {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
