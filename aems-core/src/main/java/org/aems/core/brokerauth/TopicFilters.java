package org.aems.core.brokerauth;

/** MQTT topic-filter arithmetic for the ACL model (MQTT 5.0 section 4.7). */
public final class TopicFilters {

    private TopicFilters() {
    }

    /**
     * Whether every topic that {@code requested} (a topic or a filter) can match is matched by {@code rule}. A literal
     * rule level covers only the same literal; {@code +} covers one level of anything but {@code #}; {@code #} covers the
     * rest. As in MQTT, a wildcard in the first level never covers a {@code $}-topic.
     */
    public static boolean covers(String rule, String requested) {
        String[] r = rule.split("/", -1);
        String[] q = requested.split("/", -1);
        if (q[0].startsWith("$") && (r[0].equals("+") || r[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < r.length; i++) {
            if (r[i].equals("#")) {
                return true;
            }
            if (i >= q.length) {
                return false;
            }
            if (r[i].equals("+")) {
                if (q[i].equals("#")) {
                    return false;
                }
            } else if (!r[i].equals(q[i])) {
                return false;
            }
        }
        return r.length == q.length;
    }

    /** {@code $share/group/filter} as {@code filter}; any other filter unchanged. An invalid shared filter gives "". */
    public static String withoutShare(String filter) {
        if (!filter.startsWith("$share/")) {
            return filter;
        }
        int slash = filter.indexOf('/', "$share/".length());
        return slash < 0 ? "" : filter.substring(slash + 1);
    }
}
