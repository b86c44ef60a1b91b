package com.srsync.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.cluster.LeaderScope;
import com.srsync.cluster.Leadership;
import com.srsync.config.ServiceSettings;
import com.srsync.delivery.ConsoleReadings;
import com.srsync.delivery.DeliveryBoard;
import com.srsync.delivery.DeliveryJson;
import com.srsync.delivery.DeliveryWriteBack;
import com.srsync.delivery.JobNaming;
import com.srsync.delivery.WriteBackPacing;
import com.srsync.observe.ProblemCheck;
import com.srsync.reconcile.Reconciler;
import com.srsync.resilio.AgentList;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The delivery state: the board the reconcile and the delivery poll (resilio.yaml) fill, its JSON, and the
 * summaries written onto the Shot (shotgrid.yaml). A poll makes at most 30 single reads (a written job's run,
 * a run's agents), however many jobs there are; the write-back at most 20 writes every 10 s.
 */
final class DeliveryBeans {
    private DeliveryBeans() {}

    static void bind(Beans beans, ServiceSettings settings, ObjectMapper mapper, Clock clock, LeaderScope scope) {
        Leadership leadership = beans.get(Leadership.class);
        ConsoleReadings readings = new ConsoleReadings(mapper);
        AgentList agents = beans.bind(new AgentList(clock, settings.console().jobsReuse(), readings));   // resilio.yaml: the plan's agent checks
        scope.hold("console agent list", agents::forget);
        Reconciler reconciler = beans.get(Reconciler.class);
        DeliveryBoard board = beans.bind(scope.hold("delivery board", new DeliveryBoard(clock, settings.delivery().refresh(), 30,
                new JobNaming(reconciler::rulesInForce), readings, leadership::term)));
        beans.bind(new DeliveryJson(mapper, board));
        ProjectPictures pictures = beans.bind(scope.hold("project pictures", new ProjectPictures(clock)));   // reconcile.yaml; the page reads it
        WriteBackPacing pacing = scope.hold("write-back pacing", new WriteBackPacing(clock, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)));
        DeliveryWriteBack writeBack = beans.bind(scope.hold("delivery write-back", new DeliveryWriteBack(settings.shotgrid().deliveryField(),
                () -> board.view(null), board::activeShotIds, pictures::whyNoJob, clock, Duration.ofMinutes(1), mapper, pacing,
                refusal(beans))));
        if (writeBack.isEnabled()) {
            beans.bind("deliveryFieldCheck", new ProblemCheck("delivery-field", writeBack::problem, () -> !leadership.isLeader()));
        }
    }

    /** How a setting refused once the service runs stops it: {@link StartupRefusal}, bound by Application; in a test, logged only. */
    private static Consumer<String> refusal(Beans beans) {
        return message -> {
            StartupRefusal refusal = beans.get("startupRefusal", StartupRefusal.class);
            if (refusal != null) refusal.accept(message);
            else org.slf4j.LoggerFactory.getLogger(DeliveryBeans.class).error("Configuration refused: {}", message);
        };
    }
}
