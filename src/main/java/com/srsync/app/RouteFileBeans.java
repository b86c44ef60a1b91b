package com.srsync.app;

import com.srsync.routefiles.RefusedFilesCheck;
import com.srsync.routefiles.RouteFileReloader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live edits of the route folder: adopted once the routes Camel Main loaded are running, then read every
 * routes.reload.interval.ms; refused files show in health as route-files.
 */
final class RouteFileBeans {
    private static final Logger LOG = LoggerFactory.getLogger(RouteFileBeans.class);

    private RouteFileBeans() {}

    static void bind(CamelContext context, Beans beans, PropertiesComponent properties) {
        Path dir = Path.of(properties.resolveProperty("routes.dir").orElse("routes"));
        RouteFileReloader reloader = beans.bind(new RouteFileReloader(context, dir));
        beans.bind("routeFilesCheck", new RefusedFilesCheck("route-files", "the routes of its last good version keep running", reloader::refused));
        if (!Boolean.parseBoolean(properties.resolveProperty("routes.reload.enabled").orElse("true"))) return;
        long every = Long.parseLong(properties.resolveProperty("routes.reload.interval.ms").orElse("1000"));
        StartListener.once(context, ctx -> {
            var files = ctx.getExecutorServiceManager().newSingleThreadScheduledExecutor(reloader, "route-files");
            // adopting parses every file once: done off the start-up path, just after it
            files.execute(() -> {
                try {
                    reloader.adoptRunning();
                } catch (Exception e) {
                    LOG.error("Route folder {} cannot be read; edits are not taken until a restart: {}", dir, e.getMessage());
                }
            });
            files.scheduleWithFixedDelay(() -> {
                if (ctx.isStarted()) reloader.scan();
            }, every, every, TimeUnit.MILLISECONDS);
        });
    }
}
