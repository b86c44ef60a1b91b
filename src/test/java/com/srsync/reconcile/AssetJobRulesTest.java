package com.srsync.reconcile;

import static com.srsync.reconcile.Studio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-asset rules ({@code assets: {mode: per_asset}}), one row each: a snapshot in, the jobs the project should
 * have out, each written {@code name agent:permission ...} (agent 4 is the storage, 2 Alex's MacBook, 3 Matthew's
 * Mac mini), then {@code skipped <what>: <reason start>} for what was left out.
 */
class AssetJobRulesTest {
    private static final SyncRules PER_ASSET = perAsset(ALEX, MATTHEW);
    private static final String BOB = "HybridWork_TST_Asset_Character_Bob";

    static Stream<Arguments> rules() {
        AssetRecord bob = asset(501, "Character", "Bob", "ip", "Matthew Testuser");
        AssetRecord bobOnHold = asset(501, "Character", "Bob", "hld", "Matthew Testuser");
        AssetRecord bobUnassigned = asset(501, "Character", "Bob", "ip");
        return Stream.of(
            row("an artist on an active asset's task gets its job read-write", withAssets(List.of(bob)),
                BOB + " 4:rw 3:srw"),
            row("an asset on hold loses its builders", withAssets(List.of(bobOnHold))),
            row("an asset on hold keeps the users of an active shot, read-only: a shot in progress needs its assets",
                withAssets(List.of(bobOnHold), using(shot("TST_010_0010", "active", "Alex Trial"), 501L)),
                "HybridWork_TST_TST_010_0010 4:rw 2:srw", BOB + " 4:rw 2:sro"),
            row("an artist of an active shot that uses an asset gets it read-only",
                withAssets(List.of(bobUnassigned), using(shot("TST_010_0010", "active", "Alex Trial"), 501L)),
                "HybridWork_TST_TST_010_0010 4:rw 2:srw", BOB + " 4:rw 2:sro"),
            row("an artist who builds the asset and uses it on a shot is on its job once, read-write",
                withAssets(List.of(bob), using(shot("TST_010_0010", "active", "Matthew Testuser"), 501L)),
                "HybridWork_TST_TST_010_0010 4:rw 3:srw", BOB + " 4:rw 3:srw"),
            row("an asset used by two active shots holds the artists of both",
                withAssets(List.of(bobUnassigned), using(shot("TST_010_0010", "active", "Alex Trial"), 501L),
                        using(shot("TST_010_0020", "active", "Matthew Testuser"), 501L)),
                "HybridWork_TST_TST_010_0010 4:rw 2:srw", "HybridWork_TST_TST_010_0020 4:rw 3:srw", BOB + " 4:rw 2:sro 3:sro"),
            row("an asset used only by a shot that is not active is not needed",
                withAssets(List.of(bobUnassigned), using(shot("TST_010_0010", "hld", "Alex Trial"), 501L))),
            row("an asset used only by an active shot without artists is not needed",
                withAssets(List.of(bobUnassigned), using(shot("TST_010_0010", "active"), 501L))),
            row("an asset used only by a skipped shot is not needed",
                withAssets(List.of(bobUnassigned), using(shot("TST:010", "active", "Alex Trial"), 501L)),
                "skipped shot TST:010: shot code 'TST:010'"),
            row("no job holds the project's assets in per_asset mode",
                withAssets(List.of(), shot("TST_010_0010", "active", "Alex Trial")), "HybridWork_TST_TST_010_0010 4:rw 2:srw"),
            row("an asset type renamed moves the job to the new type's folder",
                withAssets(List.of(asset(501, "Creature", "Bob", "ip", "Matthew Testuser"))),
                "HybridWork_TST_Asset_Creature_Bob 4:rw 3:srw"),
            row("an asset whose code cannot be a folder is skipped with why",
                withAssets(List.of(asset(501, "Character", "../Bob", "ip", "Matthew Testuser"))),
                "skipped asset ../Bob: asset code '../Bob'"),
            row("an asset whose type cannot be a folder is skipped with why",
                withAssets(List.of(asset(501, "Char/acter", "Bob", "ip", "Matthew Testuser"))),
                "skipped asset Bob: asset type 'Char/acter'"),
            row("an asset without a type is skipped with why",
                withAssets(List.of(asset(501, null, "Bob", "ip", "Matthew Testuser"))),
                "skipped asset Bob: it has no asset type"),
            row("two assets whose names differ only in case: the lower id keeps its job",
                withAssets(List.of(asset(502, "character", "bob", "ip", "Alex Trial"), bob)),
                BOB + " 4:rw 3:srw", "skipped asset bob: its job would be named HybridWork_TST_Asset_character_bob, as asset 501"),
            row("two assets whose type and code join to one name: the lower id keeps its job",
                withAssets(List.of(asset(501, "Prop_Big", "Box", "ip", "Matthew Testuser"), asset(502, "Prop", "Big_Box", "ip", "Alex Trial"))),
                "HybridWork_TST_Asset_Prop_Big_Box 4:rw 3:srw", "skipped asset Big_Box: its job would be named HybridWork_TST_Asset_Prop_Big_Box, as asset 501"),
            row("one code in two types gives two jobs",
                withAssets(List.of(bob, asset(502, "Prop", "Bob", "ip", "Alex Trial"))),
                BOB + " 4:rw 3:srw", "HybridWork_TST_Asset_Prop_Bob 4:rw 2:srw"),
            row("an asset coded like a shot has a job apart from the shot's",
                withAssets(List.of(asset(501, "Prop", "TST_010_0010", "ip", "Matthew Testuser")),
                        using(shot("TST_010_0010", "active", "Alex Trial"), 501L)),
                "HybridWork_TST_TST_010_0010 4:rw 2:srw", "HybridWork_TST_Asset_Prop_TST_010_0010 4:rw 2:sro 3:srw"),
            row("a shot coded like an asset's job is skipped (any case)",
                withAssets(List.of(bob), shotIn("TST_010", "asset_Character_Bob", "active", "Alex Trial")),
                BOB + " 4:rw 3:srw", "skipped shot asset_Character_Bob: its job would be named HybridWork_TST_asset_Character_Bob, the form of an asset's job"),
            row("a builder not in artists.yaml is skipped",
                withAssets(List.of(asset(501, "Character", "Bob", "ip", "Sam Unlisted"))), "skipped artist Sam Unlisted: not in artists.yaml")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void per_asset_plan_follows_the_rule(String rule, ProjectSnapshot snapshot, List<String> expected) {
        DesiredState state = new JobPlanner(PER_ASSET).desired(snapshot);
        List<String> out = new ArrayList<>();
        for (DesiredJob job : state.jobs()) {
            StringBuilder line = new StringBuilder(job.name());
            job.agents().forEach(a -> line.append(' ').append(a.id()).append(':').append(a.permission()));
            out.add(line.toString());
        }
        for (SkippedShot s : state.skippedShots()) out.add(startOf("skipped shot " + s.code() + ": " + s.reason(), expected));
        for (SkippedAsset a : state.skippedAssets()) out.add(startOf("skipped asset " + a.code() + ": " + a.reason(), expected));
        for (SkippedArtist a : state.skippedArtists()) out.add(startOf("skipped artist " + a.name() + ": " + a.reason(), expected));
        assertEquals(expected, out);
    }

    /** The line cut to the expected line it starts with, so a row states a reason's beginning. */
    private static String startOf(String line, List<String> expected) {
        return expected.stream().filter(line::startsWith).findFirst().orElse(line);
    }

    private static Arguments row(String rule, ProjectSnapshot snapshot, String... expected) {
        return Arguments.of(rule, snapshot, List.of(expected));
    }
}
