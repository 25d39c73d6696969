package io.writerflow.maven.report;

import io.writerflow.maven.WriterflowException;

import java.util.Locale;

/** How the status report is written: {@code text} for people (the build log), {@code json} for machines. */
public enum ReportFormat {
    TEXT, JSON;

    /** The {@code writerflow.format} setting; unset means text. */
    public static ReportFormat parse(String setting) {
        String chosen = setting == null ? "text" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new WriterflowException("Unknown writerflow.format '" + setting + "'.",
                    "Use -Dwriterflow.format=text or -Dwriterflow.format=json.");
        };
    }
}
