package org.hcp.appeal;

/** The content of one evidence file, with the type recognised when it was stored. */
public record EvidenceFile(String fileName, String contentType, byte[] content) {
}
