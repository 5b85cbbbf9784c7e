package io.datatoken.compute;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "datatoken")
@DeclareRoles({"admin", "data-provider", "compute-provider", "algorithm-provider", "data-user", "regulator",
    "end-user"})
@OpenAPIDefinition(info = @Info(title = "DataToken compute node", version = "v1",
        description = "Local dataset bindings and verified executions."))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ComputeApplication extends Application {
}
