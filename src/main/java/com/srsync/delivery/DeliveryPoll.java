package com.srsync.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One round of the delivery poll (routes/resilio.yaml): whether it reads the whole run list, which written
 * jobs it looks up one by one, and how many reads it may still spend on single jobs and runs' agents.
 * The budget is what keeps the console's load flat however many jobs there are.
 */
public final class DeliveryPoll {
    static final int RUNS_PAGE = 500;

    private final boolean fullRuns;
    private final Set<Long> written;
    private int budget;
    private int offset;
    private boolean more = true;
    private final Map<Long, RunRecord> runsRead = new HashMap<>();
    private final List<Long> lookedUp = new ArrayList<>();

    DeliveryPoll(boolean fullRuns, Set<Long> written, int budget) {
        this.fullRuns = fullRuns;
        this.written = Set.copyOf(written);
        this.budget = budget;
    }

    /** True when this round reads every run (each DELIVERY_REFRESH_MS); otherwise only written jobs' runs. */
    public boolean isFullRuns() {
        return fullRuns;
    }

    /** True while the run list may have another page. */
    public boolean isMore() {
        return fullRuns && more;
    }

    /** The path of the run list's next page. */
    public String nextRunsPage() {
        return "/runs?offset=" + offset + "&limit=" + RUNS_PAGE;
    }

    void pageRead(List<RunRecord> page) {
        for (RunRecord r : page) keep(r);
        offset += page.size();
        more = page.size() >= RUNS_PAGE;   // a short or empty page is the last
    }

    void keep(RunRecord run) {
        RunRecord known = runsRead.get(run.jobId());
        if (known == null || run.id() > known.id()) runsRead.put(run.jobId(), run);   // a sync job has one run; the newest wins
    }

    Map<Long, RunRecord> runsRead() {
        return runsRead;
    }

    Set<Long> written() {
        return written;
    }

    /** The written jobs whose runs are looked up one by one (when the whole list is not read), within the budget. */
    public List<Long> singleRunJobs() {
        List<Long> jobs = new ArrayList<>();
        if (fullRuns) return jobs;
        for (Long job : written.stream().sorted().toList()) {
            if (!spend()) break;
            jobs.add(job);
        }
        lookedUp.addAll(jobs);
        return jobs;
    }

    /** The written jobs whose runs this round read: all of them when it read the whole list. */
    Set<Long> handled() {
        return fullRuns ? written : Set.copyOf(lookedUp);
    }

    /** Takes one read from the budget; false when none is left. */
    boolean spend() {
        if (budget <= 0) return false;
        budget--;
        return true;
    }
}
