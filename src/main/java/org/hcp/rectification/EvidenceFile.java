package org.hcp.rectification;

/** An evidence file's content, with the type its bytes were checked to be. */
public record EvidenceFile(EvidenceView about, byte[] content) {
}
