package io.commentharvester.polite;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.commentharvester.util.Causes;

/**
 * Failures no retry can mend: a host name that does not resolve, a certificate that is not trusted, and a refused
 * connection from a server that has not answered once in this run (nothing listens there). The run stops at the
 * first of them with one line naming the host, instead of retrying every page for the give-up time.
 */
public final class Unreachable {

    private Unreachable() {}

    /**
     * Why {@code host} cannot be reached, or null when the failure may clear up.
     *
     * @param everAnswered whether the server answered anything in this run (then a refusal may be a restart)
     */
    public static String reason(Throwable failure, String host, boolean everAnswered) {
        String problem = problem(failure, everAnswered);
        return problem == null
                ? null
                : "cannot reach " + host + ": " + problem
                        + "; check weapi.base-url and the network, or harvest the offline sandbox with --sandbox";
    }

    private static String problem(Throwable failure, boolean everAnswered) {
        if (Causes.find(failure, UnknownHostException.class) != null) {
            return "unknown host (the name does not resolve)";
        }
        if (Causes.find(failure, CertificateException.class) != null
                || Causes.find(failure, SSLPeerUnverifiedException.class) != null
                || isCertificateHandshake(Causes.find(failure, SSLHandshakeException.class))) {
            return "its TLS certificate is not trusted";
        }
        ConnectException refused = Causes.find(failure, ConnectException.class);
        if (!everAnswered
                && refused != null
                && refused.getMessage() != null
                && refused.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
            return "connection refused (nothing listens there)";
        }
        return null;
    }

    private static boolean isCertificateHandshake(SSLHandshakeException handshake) {
        if (handshake == null || handshake.getMessage() == null) {
            return false;
        }
        String message = handshake.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("certificat") || message.contains("pkix") || message.contains("no subject alternative");
    }
}
