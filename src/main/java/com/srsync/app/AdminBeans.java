package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.config.ArtistsFile;
import com.srsync.config.ServiceSettings;
import com.srsync.delivery.DeliveryBoard;
import com.srsync.delivery.DeliveryJson;
import com.srsync.failure.DeadLetterStore;
import com.srsync.http.Upstreams;
import com.srsync.loop.ReconcileRetries;
import com.srsync.loop.RunHistory;
import com.srsync.observe.HealthReport;
import com.srsync.reconcile.Reconciler;
import com.srsync.watch.WebhookCheck;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/** The admin API, health's answers, and the status page (routes/admin.yaml, observe.yaml, ui.yaml). */
final class AdminBeans {
    private AdminBeans() {}

    static void bind(CamelContext context, Beans beans, ServiceSettings settings, ObjectMapper mapper) {
        AdminGate gate = beans.bind(new AdminGate(settings.adminToken()));
        beans.bind(new HealthReport(context, authorization -> AdminGate.ALLOWED.equals(gate.decide(authorization)), mapper));
        ArtistsFile artists = beans.get(ArtistsFile.class);
        Reconciler reconciler = beans.get(Reconciler.class);
        PlanJson plans = beans.bind(new PlanJson(mapper, settings.dryRun(), beans.get(Upstreams.class), () -> {
            List<String> all = new ArrayList<>(artists.warnings());
            all.addAll(reconciler.agentWarnings());              // an agent_name that differs from the console's
            return all;
        }));
        beans.bind(new JobListing(reconciler::rulesInForce, mapper));
        ReconcileRetries retries = beans.get(ReconcileRetries.class);
        beans.bind(new OverviewJson(mapper, beans.get(ProjectPictures.class), beans.get(DeliveryBoard.class), beans.get(DeliveryJson.class),
                beans.get(RunHistory.class), beans.get(DeadLetterStore.class), reconciler::rulesInForce, plans,
                WatchBeans.summary(beans.get("webhookCheck", WebhookCheck.class)), retries::failing));
        beans.bind(new StatusPage());                                        // GET /ui, POST /ui/ami (routes/ui.yaml)
        beans.bind(new GroupedBodyAggregationStrategy());
        beans.bind(new ChatMessage());
    }
}
