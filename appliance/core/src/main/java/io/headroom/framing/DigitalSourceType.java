package io.headroom.framing;

/**
 * The IPTC digital source type a headshot carries (XMP {@code Iptc4xmpExt:DigitalSourceType}), to
 * say honestly what was done to the photo. Terms from the IPTC NewsCodes vocabulary
 * {@code http://cv.iptc.org/newscodes/digitalsourcetype/}.
 */
public enum DigitalSourceType {
    /**
     * The person, captured by a camera, composited onto a backdrop the appliance computed: the
     * background was replaced (a trained model drew the matte; no pixel of the person was
     * generated). IPTC: "composite of captured elements and synthetic elements".
     */
    COMPOSITE_SYNTHETIC("compositeSynthetic"),
    /** The photo itself, framed, retouched and graded by algorithm; its background kept. */
    ALGORITHMICALLY_ENHANCED("algorithmicallyEnhanced");

    private static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    private final String term;

    DigitalSourceType(String term) {
        this.term = term;
    }

    /** The term's full URI, as written into the XMP. */
    public String uri() {
        return VOCABULARY + term;
    }
}
