package org.aems.api.series;

import java.util.List;

/** What the series API answers. Periods are ISO-8601 in JST; values are decimal strings, never floats. */
final class SeriesViews {

    private SeriesViews() {
    }

    record SeriesSummary(String series, String unit, int latestVersion, String latestPublishedAt, int versions) {
    }

    record Version(String series, int version, String unit, String publishedAt, String source, String recordedBy, long values,
                   String from, String until) {
    }

    record VersionPage(String series, List<Version> versions) {
    }

    record Value(String from, String until, String value, int version) {
    }

    record ValuePage(String series, String unit, String asOf, List<Value> values) {
    }
}
