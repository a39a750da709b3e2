package org.hcp.catalog;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hcp.shared.FieldProblem;
import org.springframework.stereotype.Component;

/** Finds the references to catalog rows that do not exist, one query per referenced table. */
@Component
class ReferenceCheck {

	private final CatalogStore store;

	ReferenceCheck(CatalogStore store) {
		this.store = store;
	}

	/**
	 * The references that name nothing stored; codes of the table being written ({@code own}, {@code ownCodes})
	 * count as existing, so one import may name a parent on another of its lines.
	 */
	List<FieldProblem> missing(Collection<Fields.Reference> references, CatalogTable own, Set<String> ownCodes) {
		Map<CatalogTable, Set<String>> wanted = new EnumMap<>(CatalogTable.class);
		for (Fields.Reference reference : references) {
			wanted.computeIfAbsent(reference.target(), t -> new HashSet<>()).add(reference.code());
		}
		Map<CatalogTable, Set<String>> found = new EnumMap<>(CatalogTable.class);
		wanted.forEach((table, codes) -> found.put(table, store.existing(table, codes)));
		return references.stream()
			.filter(r -> !(r.target() == own && ownCodes.contains(r.code())) && !found.get(r.target()).contains(r.code()))
			.map(r -> FieldProblem.of(r.field(), r.target().zh + " " + r.code() + " 不存在",
					r.target().en + " " + r.code() + " does not exist"))
			.toList();
	}
}
