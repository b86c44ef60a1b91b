package com.srsync.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.srsync.loop.ReconcileRun;
import com.srsync.reconcile.DesiredJob;
import com.srsync.reconcile.GuardVerdict;
import com.srsync.reconcile.JobKind;
import com.srsync.reconcile.JobOperation;
import com.srsync.reconcile.ProjectPlan;
import com.srsync.reconcile.ProjectSnapshot;
import com.srsync.shotgrid.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The apply and snapshot routes on their own, their calls replaced by Camel's mock endpoints
 * (AdviceWith, mockEndpointsAndSkip): which Resilio route each operation takes, and what the snapshot
 * makes of the rows its searches return.
 */
class RoutesWithMocksTest extends ServiceTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    private static JobOperation create() {
        return JobOperation.create(155, new DesiredJob("HybridWork_TST_TST_010_0010", JobKind.SHOT, "hybrid_work", "d", List.of()));
    }

    private ReconcileRun run(JobOperation... ops) {
        ProjectPlan plan = new ProjectPlan(155, "TST", List.of(ops), List.of(), List.of(), List.of(), new GuardVerdict(false, 0, 0), null, List.of());
        return ReconcileRun.of(plan, context.getRegistry().lookupByNameAndType("leadership", com.srsync.cluster.Leadership.class).term());
    }

    @Test
    void each_operation_takes_its_own_resilio_route() throws Exception {
        AdviceWith.adviceWith(context, "apply-operation", a -> a.mockEndpointsAndSkip("direct:resilio-*"));
        context.start();
        MockEndpoint creates = getMockEndpoint("mock:direct:resilio-create");
        MockEndpoint updates = getMockEndpoint("mock:direct:resilio-update");
        MockEndpoint deletes = getMockEndpoint("mock:direct:resilio-delete");
        creates.expectedMessageCount(1);
        updates.expectedMessageCount(1);
        deletes.expectedMessageCount(1);
        JobOperation update = JobOperation.update(155, 1001, create().getDesired(), List.of());
        JobOperation delete = JobOperation.delete(155, 1002, "HybridWork_TST_TST_010_0020", "shot not active");
        ReconcileRun run = run(create(), update, delete);

        for (JobOperation op : List.of(create(), update, delete)) {
            template.send("direct:apply-operation", e -> {
                e.setVariable("run", run);
                e.getMessage().setBody(op);
            });
        }

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(create().getJobName(), creates.getReceivedExchanges().get(0).getMessage().getBody(JobOperation.class).getJobName());
        assertEquals(1001L, updates.getReceivedExchanges().get(0).getMessage().getBody(JobOperation.class).getJobId());
    }

    @Test
    void the_snapshot_is_made_from_what_its_searches_return() throws Exception {
        AdviceWith.adviceWith(context, "shotgrid-snapshot", a -> a.mockEndpointsAndSkip("direct:shotgrid-search", "direct:shotgrid-token"));
        context.start();
        List<String> asked = new ArrayList<>();
        getMockEndpoint("mock:direct:shotgrid-search").whenAnyExchangeReceived(e -> {
            SearchQuery q = e.getMessage().getBody(SearchQuery.class);
            asked.add(q.entity() + " " + q.returnOnly());
            e.getMessage().setBody(rows(q));
        });

        ProjectSnapshot snapshot = template.requestBody("direct:shotgrid-snapshot", 155L, ProjectSnapshot.class);

        assertEquals("TST", snapshot.tankName());
        assertEquals(java.util.Set.of("TST", "OLD"), snapshot.directory().tankNames());
        assertEquals("TST_010_0010", snapshot.shots().get(0).code());
        assertEquals("Alex Trial", snapshot.shots().get(0).assignees().get(0).name());
        assertEquals(List.of("projects active", "projects retired", "shots active", "tasks active"), asked.stream().sorted().toList());
    }

    @Test
    void the_snapshot_hands_back_no_rows_in_variables() throws Exception {
        AdviceWith.adviceWith(context, "shotgrid-snapshot", a -> a.mockEndpointsAndSkip("direct:shotgrid-search", "direct:shotgrid-token"));
        context.start();
        getMockEndpoint("mock:direct:shotgrid-search").whenAnyExchangeReceived(e -> e.getMessage().setBody(rows(e.getMessage().getBody(SearchQuery.class))));

        org.apache.camel.Exchange done = template.send("direct:shotgrid-snapshot", e -> e.getMessage().setBody(155L));

        assertEquals(null, done.getException());
        assertEquals(List.of(), rowVariables(done), "a caller keeps its variables for its whole reconcile");
    }

    @Test
    void a_full_pass_queues_each_project_without_what_the_pass_read() throws Exception {
        AdviceWith.adviceWith(context, "reconcile-request", a -> a.mockEndpointsAndSkip("direct:reconcile-targets", "seda:(//)?reconcile\\?.*"));
        context.start();
        List<JsonNode> site = rows(new SearchQuery("shots", List.of(), List.of(), "active"));
        getMockEndpoint("mock:direct:reconcile-targets").whenAnyExchangeReceived(e -> {
            e.setVariable("activeShots", site);                    // what reconcile-targets reads: every active shot of the site
            e.setVariable("consoleJobs", List.of());
            e.getMessage().setBody(List.of(155L, 156L));
        });
        MockEndpoint queued = getMockEndpoint("mock:seda:reconcile");
        queued.expectedMessageCount(2);

        template.sendBody("seda:reconcile-requests", "all");

        queued.assertIsSatisfied();
        for (org.apache.camel.Exchange ticket : queued.getReceivedExchanges()) {
            assertEquals(java.util.Set.of("project"), ticket.getVariables().keySet(), "a queued ticket holds its project, not the pass's reads");
        }
    }

    /** The names of variables that hold rows read from ShotGrid (lists of JSON). */
    private static List<String> rowVariables(org.apache.camel.Exchange exchange) {
        return exchange.getVariables().entrySet().stream()
                .filter(v -> v.getValue() instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof JsonNode
                        || v.getValue() instanceof com.srsync.shotgrid.SearchProgress)
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    private static List<JsonNode> rows(SearchQuery q) throws Exception {
        String json = switch (q.entity() + " " + q.returnOnly()) {
            case "projects active" -> "[{\"type\": \"Project\", \"id\": 155, \"attributes\": {\"tank_name\": \"TST\"}}]";
            case "projects retired" -> "[{\"type\": \"Project\", \"id\": 99, \"attributes\": {\"tank_name\": \"OLD\"}}]";
            case "shots active" -> "[{\"type\": \"Shot\", \"id\": 1213, \"attributes\": {\"code\": \"TST_010_0010\", \"sg_status_list\": \"active\"},"
                    + " \"relationships\": {\"sg_sequence\": {\"data\": {\"type\": \"Sequence\", \"id\": 5, \"name\": \"TST_010\"}}}}]";
            case "tasks active" -> "[{\"type\": \"Task\", \"id\": 5001, \"relationships\": {\"entity\": {\"data\": {\"type\": \"Shot\", \"id\": 1213}},"
                    + " \"task_assignees\": {\"data\": [{\"type\": \"HumanUser\", \"id\": 7, \"name\": \"Alex Trial\"}]}}}]";
            default -> "[]";
        };
        List<JsonNode> rows = new ArrayList<>();
        MAPPER.readTree(json).forEach(rows::add);
        return rows;
    }

}
