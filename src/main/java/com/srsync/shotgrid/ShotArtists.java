package com.srsync.shotgrid;

import java.util.List;

/** A shot's code and the display names of the artists assigned to its tasks (groups expanded). */
public record ShotArtists(long shotId, String code, List<String> artists) {
    public ShotArtists {
        artists = List.copyOf(artists);
    }

    /** The names as one line, for messages: "Alex Trial, Matthew Testuser" (or "nobody"). */
    public String names() {
        return artists.isEmpty() ? "nobody" : String.join(", ", artists);
    }
}
