package io.taskgate.bench;

import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * jCasbin set up exactly as Casbin's own RBAC benchmarks: {@code p, group<i>, data<i/10>, read}
 * and {@code g, user<i>, group<i/10>}, with the stock {@code rbac_model.conf} model.
 */
final class CasbinRbac {
  private static final String RBAC_MODEL = """
      [request_definition]
      r = sub, obj, act

      [policy_definition]
      p = sub, obj, act

      [role_definition]
      g = _, _

      [policy_effect]
      e = some(where (p.eft == allow))

      [matchers]
      m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
      """;

  private CasbinRbac() {}

  /** "RBAC small": 1,000 users, 100 roles, 10 resources; "medium": 10,000, 1,000, 100. */
  static Enforcer build(int users, int roles, int resources) {
    Enforcer enforcer = new Enforcer(Model.newModelFromString(RBAC_MODEL));
    enforcer.enableLog(false);
    enforcer.enableAutoBuildRoleLinks(false);
    int rolesPerResource = roles / resources;
    int usersPerRole = users / roles;
    for (int i = 0; i < roles; i++) {
      enforcer.addPolicy("group" + i, "data" + (i / rolesPerResource), "read");
    }
    for (int i = 0; i < users; i++) {
      enforcer.addGroupingPolicy("user" + i, "group" + (i / usersPerRole));
    }
    enforcer.buildRoleLinks();
    return enforcer;
  }
}
