package io.commentharvester.polite;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * An overall deadline for each request, answer body included: the HTTP client's response timeout applies to each
 * read, so a server that trickles a byte every few hundred milliseconds would hold a worker for ever. The answer
 * is read in full within the deadline (answers are small JSON pages), or the connection is dropped and the attempt
 * fails with a timeout, which the harvest retries like any other. A service of the Camel context: its timer thread
 * ends when the context stops.
 */
public final class RequestDeadline extends ServiceSupport implements HttpClientConfigurer {

    private final long deadlineMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "request-deadline");
        thread.setDaemon(true);
        return thread;
    });

    public RequestDeadline(long deadlineMs) {
        this.deadlineMs = deadlineMs;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("request-deadline", new Handler());
    }

    /** Answers a timeout when the deadline passed while the request was on the wire. */
    static final class DeadlineExceededException extends SocketTimeoutException {
        DeadlineExceededException(long deadlineMs) {
            super("no complete answer within the request deadline of " + deadlineMs + " ms (http.request-deadline-ms)");
        }
    }

    private final class Handler implements ExecChainHandler {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            AtomicBoolean expired = new AtomicBoolean();
            AtomicBoolean settled = new AtomicBoolean();
            ScheduledFuture<?> alarm = timer.schedule(
                    () -> {
                        if (settled.compareAndSet(false, true)) {
                            expired.set(true);
                            scope.execRuntime.discardEndpoint();
                        }
                    },
                    deadlineMs,
                    TimeUnit.MILLISECONDS);
            try {
                ClassicHttpResponse response = chain.proceed(request, scope);
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    // read the whole answer while the deadline still holds
                    byte[] body = EntityUtils.toByteArray(entity);
                    response.setEntity(new ByteArrayEntity(
                            body,
                            org.apache.hc.core5.http.ContentType.parseLenient(entity.getContentType()),
                            entity.getContentEncoding()));
                }
                if (!settled.compareAndSet(false, true)) {
                    // the alarm went first: whatever was read, the connection is gone
                    throw new DeadlineExceededException(deadlineMs);
                }
                return response;
            } catch (IOException | RuntimeException e) {
                if (expired.get()) {
                    DeadlineExceededException timeout = new DeadlineExceededException(deadlineMs);
                    timeout.initCause(e);
                    throw timeout;
                }
                throw e;
            } finally {
                alarm.cancel(false);
            }
        }
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
    }
}
