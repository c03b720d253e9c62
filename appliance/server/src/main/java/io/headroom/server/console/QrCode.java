package io.headroom.server.console;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code drawn on the server (ZXing) as SVG: one square per dark module, a quiet zone of four. */
public final class QrCode {

    private QrCode() {
    }

    /** The QR code of {@code text} as an SVG document, {@code size} CSS pixels wide. */
    public static String svg(String text, int size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit a QR code", e);
        }
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(m.getWidth()).append(' ').append(m.getHeight())
                .append("\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the client's link\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><g fill=\"#000\">");
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    b.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"1\" height=\"1\"/>");
                }
            }
        }
        return b.append("</g></svg>").toString();
    }
}
