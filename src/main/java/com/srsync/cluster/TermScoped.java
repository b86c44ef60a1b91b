package com.srsync.cluster;

/**
 * State that only the leader refreshes: the delivery board, the Shot write-back's memory, the hooks' record
 * and the silence detector, the page's pictures, the reconcile retries. A replica that is not leading must
 * show none of it - a standby's page and metrics would otherwise keep a machine offline that came back
 * while another replica led - and a replica that leads again must not start from what it knew in its last
 * term. {@link LeaderScope} holds every such piece and tells each on every change of term.
 */
public interface TermScoped {
    /** This replica started or stopped leading: everything known from the last term is dropped. */
    void forgetTerm();
}
