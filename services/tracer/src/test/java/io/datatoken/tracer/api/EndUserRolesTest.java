package io.datatoken.tracer.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An end user reaches the usage and the lineage of a DT (whose answer TraceAccess then limits to their
 * own) and the list of their own DTs, and no other endpoint: not the audit, not the refusals listing.
 */
class EndUserRolesTest {

    @Test
    void only_the_usage_and_the_lineage_of_a_dt_and_their_own_dts_admit_end_users() {
        List<String> admitting = Stream.of(UsageResource.class, LineageResource.class, AuditResource.class,
                        RefusalsResource.class, EndUsersResource.class)
                .flatMap(resource -> Stream.of(resource.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(RolesAllowed.class))
                .filter(method -> List.of(method.getAnnotation(RolesAllowed.class).value()).contains("end-user"))
                .map(EndUserRolesTest::name)
                .toList();

        assertThat(admitting).containsExactlyInAnyOrder("UsageResource.usage", "LineageResource.lineage",
                "EndUsersResource.mine");
    }

    @Test
    void the_list_of_ones_own_dts_admits_end_users_only() throws NoSuchMethodException {
        assertThat(EndUsersResource.class.getDeclaredMethod("mine").getAnnotation(RolesAllowed.class).value())
                .containsExactly("end-user");
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
