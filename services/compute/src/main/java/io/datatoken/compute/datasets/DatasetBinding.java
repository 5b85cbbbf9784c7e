package io.datatoken.compute.datasets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A row of dataset_binding. */
@Entity
@Table(name = "dataset_binding")
public class DatasetBinding {

    @Id
    @Column(name = "dt", length = 66)
    private String dt;

    @Column(name = "owner_org", nullable = false, length = 63)
    private String ownerOrganization;

    @Column(name = "source_kind", nullable = false, length = 8)
    private String sourceKind;

    @Column(name = "location", nullable = false)
    private String location;

    @Column(name = "bound_at", nullable = false)
    private OffsetDateTime boundAt;

    /** Where the party's private weights W are (same kind as the dataset), or null. */
    @Column(name = "weights_location")
    private String weightsLocation;

    protected DatasetBinding() {
    }

    public DatasetBinding(String dt, String ownerOrganization, String sourceKind, String location, String weightsLocation,
                          OffsetDateTime boundAt) {
        this.dt = dt;
        this.weightsLocation = weightsLocation;
        this.ownerOrganization = ownerOrganization;
        this.sourceKind = sourceKind;
        this.location = location;
        this.boundAt = boundAt;
    }

    public String dt() {
        return dt;
    }

    public String ownerOrganization() {
        return ownerOrganization;
    }

    public String sourceKind() {
        return sourceKind;
    }

    public String location() {
        return location;
    }

    public Optional<String> weightsLocation() {
        return Optional.ofNullable(weightsLocation);
    }

    public OffsetDateTime boundAt() {
        return boundAt;
    }
}
