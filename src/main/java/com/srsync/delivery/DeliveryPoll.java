package com.srsync.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One round of the delivery poll (routes/resilio.yaml): the leadership term it runs in, whether it reads the
 * whole run list, which written jobs it looks up one by one, and how many reads it may still spend on single
 * jobs and runs' agents. The budget is what keeps the console's load flat however many jobs there are.
 *
 * <p>The run list is read 500 a page and page after page until a page is empty, is shorter than the
 * longest page of this round (the last), or brings no run not seen in this round (a console that ignores
 * {@code offset} answers the first page again), and at most {@value #MOST_PAGES} pages: a console that pages
 * below 500 is still read to its end, and none can keep the poll reading for ever.
 */
public final class DeliveryPoll {
    static final int RUNS_PAGE = 500;
    /** The most pages of runs one round reads (a million runs): beyond that the console's paging is taken as broken. */
    static final int MOST_PAGES = 2000;

    private final long term;
    private final int mostPages;
    private final boolean fullRuns;
    private final Set<Long> written;
    private int budget;
    private int offset;
    private int pages;
    private int longestPage;
    private boolean more = true;
    private String pagingProblem;
    private final Set<Long> runIds = new HashSet<>();
    private final Map<Long, RunRecord> runsRead = new HashMap<>();
    private final List<Long> lookedUp = new ArrayList<>();

    DeliveryPoll(long term, boolean fullRuns, Set<Long> written, int budget) {
        this(term, fullRuns, written, budget, MOST_PAGES);
    }

    DeliveryPoll(long term, boolean fullRuns, Set<Long> written, int budget, int mostPages) {
        this.term = term;
        this.mostPages = mostPages;
        this.fullRuns = fullRuns;
        this.written = Set.copyOf(written);
        this.budget = budget;
    }

    /** The leadership term this round runs in: what it reads counts only in that term. */
    long term() {
        return term;
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
        pages++;
        int fresh = 0;
        for (RunRecord r : page) {
            if (runIds.add(r.id())) fresh++;
            keep(r);
        }
        offset += page.size();
        boolean last = page.isEmpty() || page.size() < longestPage;
        longestPage = Math.max(longestPage, page.size());
        if (!page.isEmpty() && fresh == 0) {                  // the same runs again: the console ignores offset
            if (longestPage >= RUNS_PAGE) {                   // ... and its first page was full: runs beyond it are not seen
                pagingProblem = "the console answered the run list's page at offset " + (offset - page.size()) + " with runs already "
                        + "read: it seems to ignore offset, so only its first " + RUNS_PAGE + " runs are followed";
            }
            last = true;
        } else if (!last && pages >= mostPages) {
            pagingProblem = "the run list still had more after " + mostPages + " pages; the rest is read at the next full round";
            last = true;
        }
        more = !last;
    }

    /** What was wrong with the console's paging in this round, or null. */
    String pagingProblem() {
        return pagingProblem;
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
