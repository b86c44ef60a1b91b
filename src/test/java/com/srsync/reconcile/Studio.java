package com.srsync.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One-line fixture builders for the old tool's test studio: project 155 "TST", agents 2, 3 and 4. */
final class Studio {
    static final long PROJECT = 155;
    static final StorageAgent PRIMARY = new StorageAgent(4, "Linux_Remote", OsPaths.fromSingleBase("/home/Company"));
    static final StorageAgent MACBOOK = new StorageAgent(2, "Cameron's MacBook Pro", OsPaths.fromSingleBase("/Volumes/Company"));
    static final StorageAgent MINI = new StorageAgent(3, "Cameron's Mac mini", OsPaths.fromSingleBase("/Volumes/Company"));
    static final Artist ALEX = new Artist("Alex Trial", null, null, MACBOOK);
    static final Artist MATTHEW = new Artist("Matthew Testuser", null, null, MINI);
    static final PathTemplates TEMPLATES = new PathTemplates("${PROJECT}/2_WORK/1_SEQUENCES/${SEQUENCE}/${SHOT}", "${PROJECT}/2_WORK/2_ASSETS");
    static final SyncRules RULES = rules(ALEX, MATTHEW);

    private static final AtomicLong ids = new AtomicLong(1000);

    private Studio() {}

    static SyncRules rules(Artist... artists) {
        return new SyncRules(PRIMARY, List.of(artists), TEMPLATES, JobSettings.defaults(), Set.of("active"));
    }

    /** The rules with {@code assets: {mode: per_asset}} at the defaults: builders srw, users sro, active assets ip and rev. */
    static SyncRules perAsset(Artist... artists) {
        return new SyncRules(PRIMARY, List.of(artists), TEMPLATES, JobSettings.defaults(), Set.of("active"),
                new AssetRules(true, "srw", "sro", AssetRules.defaultTemplate(TEMPLATES.assets()), Set.of("ip", "rev")));
    }

    /** {@code asset(501, "Character", "Bob", "ip", "Matthew Testuser")}: an asset with the users of its tasks. */
    static AssetRecord asset(long id, String type, String code, String status, String... builders) {
        return new AssetRecord(id, code, type, status, users(builders));
    }

    /** {@code using(shot(...), 501, 502)}: the shot with these assets in its {@code assets} field. */
    static ShotRecord using(ShotRecord shot, Long... assetIds) {
        return new ShotRecord(shot.id(), shot.code(), shot.status(), shot.sequence(), shot.assignees(), List.of(assetIds));
    }

    /** Project 155 "TST", the only project of the site, with shots and assets. */
    static ProjectSnapshot withAssets(List<AssetRecord> assets, ShotRecord... shots) {
        return new ProjectSnapshot(PROJECT, directory(PROJECT, "TST"), Arrays.asList(shots), assets);
    }

    /** {@code shot("TST_010_0010", "active", "Alex Trial", "Matthew Testuser")}, in sequence TST_010. */
    static ShotRecord shot(String code, String status, String... artists) {
        return shotIn(code.length() > 7 ? code.substring(0, 7) : null, code, status, artists);
    }

    static ShotRecord shotIn(String sequence, String code, String status, String... artists) {
        return new ShotRecord(ids.incrementAndGet(), code, status, sequence, users(artists));
    }

    private static List<ShotGridUser> users(String... names) {
        List<ShotGridUser> users = new ArrayList<>();
        for (String a : names) users.add(ShotGridUser.named(Math.abs(a.hashCode()), a));
        return users;
    }

    /** Project 155 with this tank name (null: none), the only project of the site. */
    static ProjectSnapshot project(String tank, ShotRecord... shots) {
        return new ProjectSnapshot(PROJECT, directory(PROJECT, tank), Arrays.asList(shots));
    }

    /** Project 155 with this tank name, in a site that also has {@code others} (project id, tank name, ...). */
    static ProjectSnapshot project(String tank, ProjectDirectory site, ShotRecord... shots) {
        return new ProjectSnapshot(PROJECT, site, Arrays.asList(shots));
    }

    /** A site's projects: {@code directory(155, "TST", 156, "TST_B")}; a null tank name is a project without one. */
    static ProjectDirectory directory(Object... idsAndTanks) {
        Map<Long, String> active = new LinkedHashMap<>();
        for (int i = 0; i < idsAndTanks.length; i += 2) active.put(((Number) idsAndTanks[i]).longValue(), (String) idsAndTanks[i + 1]);
        return new ProjectDirectory(active, Set.of());
    }

    /** A job as the service would have made it for {@code project}: its description ends with the ownership record. */
    static ObservedJob recorded(long id, String name, long project) {
        return new ObservedJob(id, name, JobOwnership.describe("Shot for: Alex Trial", project),
                List.of(new JobAgent(4, JobAgent.PRIMARY_STORAGE, "rw", OsPaths.fromSingleBase("/x"), true, null)));
    }

    /** The jobs the console would hold if the snapshot had been applied, with ids from {@code firstId}. */
    static List<ObservedJob> applied(ProjectSnapshot snapshot, long firstId) {
        return applied(RULES, snapshot, firstId);
    }

    /** The jobs the console would hold if the snapshot had been applied under these rules, with ids from {@code firstId}. */
    static List<ObservedJob> applied(SyncRules rules, ProjectSnapshot snapshot, long firstId) {
        List<ObservedJob> jobs = new ArrayList<>();
        long id = firstId;
        for (DesiredJob d : new JobPlanner(rules).desired(snapshot).jobs()) jobs.add(observed(id++, d));
        return jobs;
    }

    static ObservedJob observed(long id, DesiredJob d) {
        return new ObservedJob(id, d.name(), d.description(), d.agents());
    }

    /** A job holding only the primary storage, as some other tool or project may have made it. */
    static ObservedJob bare(long id, String name) {
        return new ObservedJob(id, name, null, List.of(new JobAgent(4, JobAgent.PRIMARY_STORAGE, "rw", OsPaths.fromSingleBase("/x"), true, null)));
    }

    /** "create NAME", "update ID changes", "delete ID reason": one string per operation, in plan order. */
    static List<String> describe(ProjectPlan plan) {
        return plan.operations().stream().map(o -> switch (o.actionType()) {
            case CREATE -> "create " + o.getJobName();
            case UPDATE -> "update " + o.getJobId() + " " + o.getChanges().stream().map(JobChange::label).toList();
            case DELETE -> "delete " + o.getJobId() + " " + o.getReason();
        }).toList();
    }
}
