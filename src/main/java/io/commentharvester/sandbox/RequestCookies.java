package io.commentharvester.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What a request's {@code Cookie} headers held, without the values: the sandbox records whether cookies came and
 * which, never what they said.
 *
 * @param present     whether a non-empty Cookie header came
 * @param siteCookies whether it carried one of the site's anonymous cookies ({@code _ntes_nuid} or {@code NMTID})
 *                    with a value
 * @param names       the cookie names, in the order sent
 */
public record RequestCookies(boolean present, boolean siteCookies, List<String> names) {

    /** The anonymous cookies the site's page always carries; a request with neither looks like a crawler. */
    public static final List<String> SITE_COOKIES = List.of("_ntes_nuid", "NMTID");

    public static final RequestCookies NONE = new RequestCookies(false, false, List.of());

    public RequestCookies {
        names = names == null ? List.of() : List.copyOf(names);
    }

    /** Reads the values of every Cookie header of a request ({@code name=value; name2=value2}). */
    static RequestCookies parse(List<String> headerValues) {
        if (headerValues == null) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        boolean site = false;
        for (String header : headerValues) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
                if (name.isEmpty()) {
                    continue;
                }
                names.add(name);
                if (SITE_COOKIES.contains(name)
                        && eq >= 0
                        && !pair.substring(eq + 1).isBlank()) {
                    site = true;
                }
            }
        }
        return new RequestCookies(!names.isEmpty(), site, names);
    }
}
