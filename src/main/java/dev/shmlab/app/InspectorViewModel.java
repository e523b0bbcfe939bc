package dev.shmlab.app;

import dev.shmlab.layout.LabGeometry;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The segment inspector: the decoded header and control block, and a hex view of one section. */
public final class InspectorViewModel {
    private final ObservableList<HeaderField> fields = FXCollections.observableArrayList();
    private final ObjectProperty<SegmentSection> section = new SimpleObjectProperty<>(this, "section", SegmentSection.HEADER);
    private final ReadOnlyStringWrapper hex = new ReadOnlyStringWrapper(this, "hex", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "Start a run to see its segment.");
    private final ReadOnlyStringWrapper params = new ReadOnlyStringWrapper(this, "params", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private LabSession session;
    private SegmentImage shownHeader;
    private SegmentImage shownImage;

    InspectorViewModel() {
        section.addListener((obs, old, now) -> requestSection());
    }

    void attach(LabSession newSession) {
        session = newSession;
        shownHeader = null;
        shownImage = null;
        params.set(newSession.paramsJson());
        requestSection();
    }

    private void requestSection() {
        if (session != null && !session.isEnded()) {
            LabGeometry g = session.geometry();
            SegmentSection s = section.get();
            session.requestImage(s.offset(g), (int) Math.min(LabSession.MAX_IMAGE_BYTES, s.length(g)));
        }
    }

    void update(long nowNanos) {
        if (session == null || !active.get()) {
            return;
        }
        SegmentImage header = session.headerImage();
        if (header != null && header != shownHeader) {
            shownHeader = header;
            fields.setAll(HeaderDecoder.decode(header, nowNanos));
        }
        SegmentImage image = session.image();
        if (image != null && image != shownImage) {
            shownImage = image;
            hex.set(HexText.of(image));
            caption.set(session.segmentName() + " (" + session.backend() + ", " + Format.count(session.segmentSizeBytes())
                    + " bytes) · " + section.get() + ": " + Format.count(image.bytes().length) + " bytes from offset " + image.offset()
                    + (session.isEnded() ? " · last copy before the segment was removed" : " · refreshed 4 times a second"));
        }
    }

    /** Whether anyone looks: while false the copies are not decoded. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<HeaderField> fields() {
        return fields;
    }

    public ObjectProperty<SegmentSection> sectionProperty() {
        return section;
    }

    public ReadOnlyStringProperty hexProperty() {
        return hex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The run's parameters as stored in the segment (JSON). */
    public ReadOnlyStringProperty paramsProperty() {
        return params.getReadOnlyProperty();
    }
}
