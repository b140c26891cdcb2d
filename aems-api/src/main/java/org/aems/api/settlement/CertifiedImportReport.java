package org.aems.api.settlement;

import java.util.List;

/**
 * What an import of certified values did. {@code lines} are the data lines (the header is line 1);
 * {@code accepted} were stored, each as {@code newValues} (first value for its supply point and slot),
 * {@code superseding} (replaced a different earlier value, which stays in the history) or {@code unchanged}
 * (equal to the current value). {@code alreadyImported}: the same file (same SHA-256) came before, and this
 * is that first import's report; nothing was stored again. At most {@link CertifiedImport#REJECTIONS_SHOWN}
 * rejections are listed, in line order ({@code rejectionsTruncated} then says more are stored).
 */
public record CertifiedImportReport(long batchId, String fileName, String format, String importedBy, String receivedAt,
                                    String digest, boolean alreadyImported, int lines, int accepted, int rejected,
                                    int newValues, int superseding, int unchanged, List<LineRejection> rejections,
                                    boolean rejectionsTruncated) {

    /** One refused line: its number in the file, a stable reason and what to fix. */
    public record LineRejection(long line, String reason, String detail) {
    }
}
