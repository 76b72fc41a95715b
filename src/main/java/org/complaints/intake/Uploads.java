package org.complaints.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** Files from a multipart request, as the attachment policy checks them. */
public final class Uploads {

    private Uploads() {}

    public static List<AttachmentPolicy.Upload> of(List<MultipartFile> files) {
        List<AttachmentPolicy.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()
                    && (file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank())) {
                continue; // a browser sends an empty part when no file was chosen
            }
            try {
                uploads.add(new AttachmentPolicy.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
