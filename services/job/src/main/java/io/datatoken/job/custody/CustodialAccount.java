package io.datatoken.job.custody;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The job service's account for one organization, its private key sealed by the {@link io.datatoken.chain.KeyVault}. */
@Entity
@Table(name = "organization_account")
public class CustodialAccount {

    @Id
    @Column(name = "organization", length = 32)
    private String organization;

    @Column(name = "address", nullable = false, length = 42)
    private String address;

    @Column(name = "encrypted_key", nullable = false, length = 200)
    private String encryptedKey;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CustodialAccount() {
    }

    public CustodialAccount(String organization, String address, String encryptedKey, OffsetDateTime createdAt) {
        this.organization = organization;
        this.address = address;
        this.encryptedKey = encryptedKey;
        this.createdAt = createdAt;
    }

    public String organization() {
        return organization;
    }

    public String address() {
        return address;
    }

    public String encryptedKey() {
        return encryptedKey;
    }
}
