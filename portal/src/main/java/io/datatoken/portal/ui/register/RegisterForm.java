package io.datatoken.portal.ui.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the register form's fields hold. */
public class RegisterForm {

    private String title = "";
    private String description = "";
    private Set<String> ops = Set.of();
    private String consumers = "";
    private LocalDate expiry;
    private Integer maxUses;
    private String endpoint = "";

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** The op hashes offered. */
    public List<String> getOps() {
        return List.copyOf(ops);
    }

    public Set<String> getOpSet() {
        return ops;
    }

    public void setOpSet(Set<String> ops) {
        this.ops = ops == null ? Set.of() : Set.copyOf(ops);
    }

    public String getConsumers() {
        return consumers;
    }

    public void setConsumers(String consumers) {
        this.consumers = consumers;
    }

    public LocalDate getExpiry() {
        return expiry;
    }

    public void setExpiry(LocalDate expiry) {
        this.expiry = expiry;
    }

    public Integer getMaxUses() {
        return maxUses;
    }

    public void setMaxUses(Integer maxUses) {
        this.maxUses = maxUses;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }
}
