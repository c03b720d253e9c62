package io.headroom.server.photo;

import io.headroom.problem.ProblemException;
import io.headroom.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * The {@code photo} parts of a multipart upload, read one at a time straight from the request:
 * each into memory, at most {@code maxBytes} of it, never into a temporary file. The file names
 * the client gave are never read.
 */
final class PhotoParts implements UploadPhotos.Parts {

    static final String FIELD = "photo";

    private final FileItemInputIterator parts;
    private final long maxBytes;
    private int count;
    /** Photos a session may hold, and then some for form fields a browser adds. */
    static final int MAX_PARTS = 40;

    PhotoParts(HttpServletRequest request, long maxBytes) {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send photos as multipart/form-data, one part named \"photo\" per photo.");
        }
        this.maxBytes = maxBytes;
        try {
            JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
            // Every part, form fields included, and the whole request are bounded (a photo's own
            // limit is checked below, so it gets its 413).
            upload.setFileSizeMax(maxBytes + 1);
            upload.setSizeMax((maxBytes + 1) * MAX_PARTS);
            this.parts = upload.getItemIterator(request);
        } catch (IOException e) {
            throw malformed();
        }
    }

    @Override
    public byte[] next() {
        try {
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (++count > MAX_PARTS) {
                    throw new ProblemException(ProblemType.INVALID_REQUEST, "An upload has at most " + MAX_PARTS + " parts.");
                }
                if (part.isFormField()) {
                    continue; // plain form values carry no photo
                }
                if (!FIELD.equals(part.getFieldName())) {
                    throw new ProblemException(ProblemType.INVALID_REQUEST, "File parts must be named \"photo\".");
                }
                try (InputStream in = part.getInputStream()) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (bytes.length > maxBytes) {
                        java.util.Arrays.fill(bytes, (byte) 0);
                        throw new ProblemException(ProblemType.PHOTO_TOO_LARGE, "A photo may have at most "
                                + (maxBytes / 1_000_000) + " MB. Please send a smaller file.");
                    }
                    return bytes;
                }
            }
            return null;
        } catch (FileUploadException e) {
            throw malformed();
        } catch (IOException e) {
            throw malformed();
        }
    }

    private static ProblemException malformed() {
        return new ProblemException(ProblemType.INVALID_REQUEST,
                "The upload could not be read as multipart/form-data. Please try again.");
    }
}
