package io.commentharvester.harvest.distributed;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process as other harvesters see it in Redis: {@code host:pid}. */
public final class HarvesterName {

    private HarvesterName() {}

    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String host = System.getenv("HOSTNAME");
            return host == null || host.isBlank() ? "localhost" : host;
        }
    }

    /** {@code host:pid} of this process. */
    public static String current() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    /**
     * Whether a {@code host:pid} names a process of this host that is gone (killed, crashed): its locks mean
     * nothing any more. A process of another host is never known to be gone (its lock expires instead).
     */
    public static boolean isDeadHere(String name) {
        int colon = name == null ? -1 : name.lastIndexOf(':');
        if (colon <= 0 || !name.substring(0, colon).equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(colon + 1));
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
