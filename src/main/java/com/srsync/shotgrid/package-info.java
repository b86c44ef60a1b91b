/**
 * ShotGrid REST v1 adapter: client-credentials login with renewal ({@link com.srsync.shotgrid.AccessTokens}),
 * paged {@code _search} ({@link com.srsync.shotgrid.ShotGridClient}), the per-project queries
 * ({@link com.srsync.shotgrid.ShotGridQueries}) and the mapping of their answers into a
 * {@link com.srsync.reconcile.ProjectSnapshot} ({@link com.srsync.shotgrid.SnapshotReader}). A snapshot is
 * read completely or the read fails: there is no partial picture.
 */
package com.srsync.shotgrid;
