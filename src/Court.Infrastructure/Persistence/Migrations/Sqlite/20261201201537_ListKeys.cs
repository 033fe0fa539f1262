using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Court.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_keys",
                columns: table => new
                {
                    collection = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    partition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_keys", x => new { x.collection, x.id, x.name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_document_keys_partition_sort",
                table: "document_keys",
                columns: new[] { "collection", "name", "partition", "value", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_document_keys_sort",
                table: "document_keys",
                columns: new[] { "collection", "name", "value", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_keys");
        }
    }
}
