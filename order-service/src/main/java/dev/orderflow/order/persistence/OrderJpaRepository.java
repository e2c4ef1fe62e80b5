package dev.orderflow.order.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;

interface OrderJpaRepository extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order> {

    @Query("select o.id from Order o where o.status = :status and o.createdAt < :cutoff order by o.createdAt")
    List<UUID> findIdsByStatusCreatedBefore(OrderStatus status, Instant cutoff, Limit limit);
}
