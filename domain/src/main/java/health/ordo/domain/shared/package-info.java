/** Value objects and exceptions shared by every part of the domain (tenant, money, validation). */
package health.ordo.domain.shared;
