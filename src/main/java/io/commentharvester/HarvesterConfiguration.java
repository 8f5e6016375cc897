package io.commentharvester;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.SimpleEventNotifierSupport;

import com.fasterxml.jackson.core.JsonFactory;

import io.commentharvester.config.ClusterSettings;
import io.commentharvester.config.HarvestSettings;
import io.commentharvester.config.PoliteSettings;
import io.commentharvester.config.RunSettings;
import io.commentharvester.config.Secrets;
import io.commentharvester.config.SettingsLoader;
import io.commentharvester.config.ThreadListSettings;
import io.commentharvester.harvest.CommentMapper;
import io.commentharvester.harvest.CommentPageReader;
import io.commentharvester.harvest.CommentPageWriter;
import io.commentharvester.harvest.CommentRequestBuilder;
import io.commentharvester.harvest.HarvestFailures;
import io.commentharvester.harvest.HarvestLedger;
import io.commentharvester.harvest.HarvestPlanner;
import io.commentharvester.harvest.HarvestRun;
import io.commentharvester.harvest.ListRequests;
import io.commentharvester.harvest.PageRetryPolicy;
import io.commentharvester.harvest.RawAnswerKeeper;
import io.commentharvester.harvest.WeapiCryptoProcessor;
import io.commentharvester.polite.PoliteRequests;
import io.commentharvester.polite.RequestDeadline;
import io.commentharvester.polite.RequestGate;
import io.commentharvester.polite.ServerWatch;
import io.commentharvester.polite.WebCookies;
import io.commentharvester.preflight.RouteFiles;
import io.commentharvester.redis.RedisStore;
import io.commentharvester.weapi.WeapiCrypto;

/**
 * Makes every bean the routes use, by role, from validated settings. Everything is built here in one
 * order (settings, then Redis, then the steps that use it) so that bad input stops the start before
 * anything is written anywhere.
 */
public class HarvesterConfiguration implements CamelConfiguration {

    /** Bean name of the {@link HarvestRun}; bound beforehand by whoever wants to wait on the run. */
    public static final String HARVEST_RUN = "harvestRun";

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        checkInput(properties);
        Function<String, String> lookup = key -> properties.resolveProperty(key).orElse(null);
        HarvestSettings settings = HarvestSettings.from(lookup);
        PoliteSettings polite = PoliteSettings.from(lookup);
        ThreadListSettings lists = ThreadListSettings.from(lookup);
        RunSettings runSettings = RunSettings.from(lookup);
        ClusterSettings cluster = ClusterSettings.from(lookup);
        String csrfToken = Secrets.read(lookup, "weapi.csrf-token", "weapi.csrf-token-file");
        String cookie = Secrets.read(lookup, "weapi.cookie", "weapi.cookie-file");
        String redisPassword = Secrets.read(lookup, "redis.password", "redis.password-file");
        Registry registry = context.getRegistry();

        HarvestRun run = registry.lookupByNameAndType(HARVEST_RUN, HarvestRun.class);
        if (run == null) {
            // not started by Application (camel run, a platform, a test): the summary of each run goes to the log
            run = io.commentharvester.embed.SummaryLog.newRun();
            registry.bind(HARVEST_RUN, run);
        }

        // a stopping context (Ctrl-C, SIGTERM, end of a test) starts no new page
        HarvestRun cancellable = run;
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event.getType() == CamelEvent.Type.CamelContextStopping;
            }

            @Override
            public void notify(CamelEvent event) {
                cancellable.cancel();
            }
        });

        workersPlusDispatcher(context, settings.concurrency());
        // a page failing of an OutOfMemoryError (or another VirtualMachineError) ends the process (see FatalErrors)
        FatalErrors fatalErrors = FatalErrors.installed();
        if (fatalErrors != null) {
            context.getCamelContextExtension().addInterceptStrategy(fatalErrors.stepWatch());
        }

        int redisPool = settings.concurrency() + 4;
        RedisStore store = settings.embeddedRedis()
                ? RedisStore.embedded(Path.of(settings.embeddedRedisDir()), redisPool)
                : RedisStore.connect(settings.redisUrl(), redisPassword, redisPool);
        context.addService(store, true, true);
        registry.bind("redisStore", store);
        // the spring-redis endpoints find this template by type: String serializers throughout
        registry.bind("redisTemplate", store.template());

        // the harvest reads and writes JSON with the streaming API only (no ObjectMapper set up at start)
        JsonFactory json = new JsonFactory();
        Clock clock = Clock.systemUTC();
        HarvestLedger ledger = new HarvestLedger(store.template(), settings.keyPrefix(), clock);
        registry.bind("harvestLedger", ledger);
        HarvestPlanner planner = new HarvestPlanner(
                        settings.resources(),
                        settings.pages(),
                        settings.pageSize(),
                        settings.concurrency(),
                        settings.resume(),
                        settings.timeOrderFields(),
                        ledger,
                        run,
                        clock)
                .withLists(lists);
        planner.setIncremental(runSettings.incremental() && !cluster.distributed());
        registry.bind("harvestPlanner", planner);
        // harvest.distributed: units shared through the work stream; otherwise one harvester per resource
        registry.bind(
                "harvestCluster",
                io.commentharvester.harvest.distributed.Distribution.setUp(
                        context,
                        cluster,
                        settings,
                        store.template(),
                        ledger,
                        planner,
                        run,
                        io.commentharvester.embed.EmbedSettings.from(lookup).runAtStart()));
        // what starts runs (routes/harvest-comments.camel.yaml reads it as ref:harvestTrigger): once, or on schedule
        registry.bind(
                "harvestTrigger",
                context.getEndpoint(
                        io.commentharvester.embed.EmbedSettings.from(lookup).triggerUri(runSettings.triggerUri())));
        // direct:harvest (routes/harvest-on-call.camel.yaml): one harvest per call, of the resources its headers name
        registry.bind("harvestCalls", new io.commentharvester.embed.HarvestCalls(planner));
        registry.bind("harvestFailures", new HarvestFailures(ledger, run));
        PoliteRequests politeRequests = politeRequests(context, settings, polite, run);
        registry.bind("pageRetryPolicy", new PageRetryPolicy(settings.maxAttempts(), run, politeRequests::serverAlive));
        registry.bind("pageRedeliveryPolicy", redeliveryPolicy(settings));
        registry.bind(
                "weapiCrypto",
                new WeapiCryptoProcessor(new WeapiCrypto(settings.rsaModulus(), settings.rsaPublicExponent())));
        WebCookies cookies = WebCookies.of(cookie, csrfToken, polite.anonymousCookies(), new SecureRandom());
        CommentRequestBuilder requestBuilder = new CommentRequestBuilder(
                        json,
                        settings.timeOrderFields(),
                        cookies.csrfToken(),
                        settings.userAgent(),
                        cookies.header(),
                        run)
                .withPaths(new ListRequests(settings.commentsPath(), lists));
        registry.bind("commentRequestBuilder", requestBuilder);
        registry.bind(
                "rawAnswerKeeper",
                new RawAnswerKeeper(
                        runSettings.keepRaw(),
                        runSettings.keepRawMax(),
                        settings.baseUrl() + settings.commentsPath(),
                        store.template(),
                        requestBuilder,
                        clock));
        registry.bind(
                "commentPageReader", new CommentPageReader(json, new CommentMapper(json, settings.storeLayout())));
        registry.bind("commentPageWriter", new CommentPageWriter(ledger, run).withLists(lists));
    }

    /**
     * The parallel split hands out pages from a task of its own that runs on the harvest pool and waits in
     * {@code WorkQueue.next()} for a free worker: the pool gets one thread for it beside the harvest.concurrency
     * workers. The limit of pages in flight is held by the work queues' shared InFlightLimit, not by the pool size.
     */
    private static void workersPlusDispatcher(CamelContext context, int concurrency) {
        ThreadPoolProfile profile = context.getExecutorServiceManager().getThreadPoolProfile("harvest");
        if (profile != null) {
            harvestPool(profile, concurrency);
        }
    }

    /**
     * Adds the dispatcher's thread to a pool sized harvest.concurrency, and gives a pool without a task queue one.
     * Without a queue (max-queue-size 0 or -1, Camel's direct hand-over) a page handed out while every thread is still
     * winding down the page before is refused by the pool and run by the dispatcher itself (Camel's CallerRuns),
     * which then hands out nothing until that page is over: about half the workers sat idle that way.
     */
    static void harvestPool(ThreadPoolProfile profile, int concurrency) {
        if (profile.getPoolSize() != null && profile.getPoolSize() == concurrency) {
            profile.setPoolSize(concurrency + 1);
            profile.setMaxPoolSize(concurrency + 1);
        }
        if (profile.getMaxQueueSize() == null || profile.getMaxQueueSize() <= 0) {
            // at most every page in flight and the dispatcher wait for a thread at the same time
            profile.setMaxQueueSize(2 * concurrency + 2);
        }
    }

    /**
     * The politeness of the run: one request gate (rate and pauses) for every worker, a watch on a server that
     * answers nothing, and an overall deadline for each request, set on the http component with its proxy.
     */
    private static PoliteRequests politeRequests(
            CamelContext context, HarvestSettings settings, PoliteSettings polite, HarvestRun run) throws Exception {
        Registry registry = context.getRegistry();
        RequestGate gate =
                new RequestGate(polite.maxRequestsPerSecond(), polite.rateLimitPauseMs(), polite.rateLimitMaxPauseMs());
        registry.bind("requestGate", gate);
        String host = java.net.URI.create(settings.baseUrl()).getHost();
        PoliteRequests politeRequests =
                new PoliteRequests(gate, new ServerWatch(polite.giveUpAfterMs()), run, polite.maxRateLimited(), host);
        registry.bind("politeRequests", politeRequests);
        registry.bind("rateLimitRedeliveryPolicy", rateLimitRedeliveryPolicy());
        HttpComponent http = context.getComponent("http", HttpComponent.class);
        // an https:// target (the real site) resolves the component named "https", by default a second instance that
        // none of the settings below nor camel.component.http.* (the timeouts) reach: one instance serves both
        org.apache.camel.Component https = context.hasComponent("https");
        if (https == null) {
            context.addComponent("https", http);
        } else if (https != http) {
            org.slf4j.LoggerFactory.getLogger(HarvesterConfiguration.class)
                    .warn("The camel component 'https' was set up before the harvester's: https:// targets use it as it"
                            + " is, without the http.* settings (timeouts, request deadline, proxy)");
        }
        RequestDeadline deadline = new RequestDeadline(polite.requestDeadlineMs());
        // stopped with the context, which ends its timer thread (an embedding JVM runs many contexts)
        context.addService(deadline, true, true);
        http.setHttpClientConfigurer(deadline);
        // the run sends the web client's cookies itself (WebCookies); the client keeps none of the answers'
        http.setCookieManagementDisabled(true);
        if (!polite.proxyHost().isEmpty()) {
            http.setProxyHost(polite.proxyHost());
            http.setProxyPort(polite.proxyPort());
        }
        return politeRequests;
    }

    /**
     * Rate-limit answers are retried at once: the request gate holds the page (and every other) for the pause,
     * and {@link PoliteRequests#retryRateLimited} decides how many such answers a page may get.
     */
    static RedeliveryPolicy rateLimitRedeliveryPolicy() {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(-1);
        policy.setRedeliveryDelay(0);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        policy.setRetriesExhaustedLogLevel(LoggingLevel.WARN);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogHandled(false);
        policy.setAllowRedeliveryWhileStopping(false);
        return policy;
    }

    /**
     * Delays between attempts at a page: exponential from harvest.retry-delay-ms, doubled each time up to
     * harvest.retry-max-delay-ms, with +-15% jitter so that parallel pages do not retry in lockstep. How many
     * attempts is decided by {@link PageRetryPolicy} (harvest.max-attempts).
     */
    static RedeliveryPolicy redeliveryPolicy(HarvestSettings settings) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(settings.maxAttempts() - 1);
        policy.setRedeliveryDelay(settings.retryDelayMs());
        policy.setMaximumRedeliveryDelay(settings.retryMaxDelayMs());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setUseCollisionAvoidance(true);
        policy.setCollisionAvoidancePercent(15);
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setRetriesExhaustedLogLevel(LoggingLevel.WARN);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogHandled(false);
        policy.setLogExhausted(true);
        // a stopping harvest starts no retry: the page stays "not done" for the next run
        policy.setAllowRedeliveryWhileStopping(false);
        return policy;
    }

    /** Typos in setting names and broken route files stop the start here, before Redis is touched. */
    static void checkInput(PropertiesComponent properties) {
        SettingsLoader.checkKnown(properties);
        properties.resolveProperty(RouteFiles.PATTERN_KEY).ifPresent(pattern -> RouteFiles.check(pattern, Path.of("")));
    }
}
